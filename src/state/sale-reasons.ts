import { reasonNoteSchema } from '../core/cart/record-values';
import { err, ok, type Result } from '../core/result';
import { t } from '../i18n/i18n';

// The reasons a cashier picks for a discount or a price change. Codes are
// what the journal and the back office keep; the words are the active
// language's. 'other' asks for the cashier's own words (kept as a note).

export const DISCOUNT_REASONS = ['loyalty', 'damaged', 'price-match', 'goodwill', 'staff', 'other'] as const;
export const PRICE_REASONS = ['damaged', 'price-match', 'label-error', 'other'] as const;
export type ReasonCode = (typeof DISCOUNT_REASONS)[number] | (typeof PRICE_REASONS)[number];

/** What the cashier chose: a code from the list, and free words (required for 'other'). */
export interface ReasonChoice {
  readonly code: ReasonCode;
  readonly note: string;
}

export const reasonWords = (code: ReasonCode): string => t(`saleEdit.reasons.${code}`);

/** The code and note to record, or the words saying what is missing. */
export function checkedReason(
  choice: ReasonChoice,
): Result<{ reasonCode: ReasonCode; note?: string }, string> {
  const note = choice.note.trim().replace(/\s+/g, ' ');
  if (choice.code === 'other' && note === '') return err(t('saleEdit.reasonNoteNeeded'));
  if (note !== '' && !reasonNoteSchema.safeParse(note).success) return err(t('saleEdit.reasonNoteTooLong'));
  return ok(note === '' ? { reasonCode: choice.code } : { reasonCode: choice.code, note });
}

/** The reason in words for an approval prompt or a receipt: the note for 'other'. */
export function describedReason(reason: { reasonCode: ReasonCode; note?: string }): string {
  return reason.reasonCode === 'other' && reason.note ? reason.note : reasonWords(reason.reasonCode);
}

/** Every reason's words, for the receipt ('price-match' → "Alignement prix"). */
export function reasonLabels(): Record<string, string> {
  const codes = new Set<ReasonCode>([...DISCOUNT_REASONS, ...PRICE_REASONS]);
  return Object.fromEntries([...codes].map((code) => [code, reasonWords(code)]));
}
