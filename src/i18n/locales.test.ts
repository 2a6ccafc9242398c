import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { i18n, LANGUAGES, resources } from './i18n';
import { compareLocales, flattenResources, type ResourceTree } from './locale-keys';

/**
 * Keys no code asks for yet, found when the check below was added: each is to
 * be wired to its screen or removed from both languages. Add none.
 */
const NOT_YET_USED = new Set<string>([
  'till.payment.exactCash',
  'kit.numpad.label',
  'kit.pin.typed',
  'kit.dialog.close',
  'approvals.anyApprover',
  'shifts.count.denomination',
  'shifts.count.pieces',
  'shifts.count.subtotal',
  'shifts.count.total',
  'shifts.movement.done',
  'shifts.printed',
  'returns.close',
  'returns.lines.note',
  'returns.exchange.basket',
  'tickets.paidTwiceWarning',
  'vouchers.sold',
  'vouchers.taken',
  'vouchers.lastSold',
  'saleEdit.quantity.pending',
  'saleEdit.line.select',
  'saleEdit.line.quantityFor',
  'saleEdit.line.priceFor',
  'saleEdit.line.discountFor',
  'saleEdit.line.promotion',
  'saleEdit.basketDiscount',
  'saleEdit.parked.park',
  'saleEdit.parked.parkedToast',
  'saleEdit.parked.time',
  'saleEdit.parked.cashier',
  'saleEdit.parked.items',
  'saleEdit.parked.total',
  'lock.you',
  'noSale.open',
]);

const trees = Object.fromEntries(LANGUAGES.map((l) => [l, resources[l].translation as ResourceTree]));

function sourceFiles(dir: string, options: { readonly withCore?: boolean } = {}): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory())
      return name === 'core' && !options.withCore ? [] : sourceFiles(path, options);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the till’s languages', () => {
  it('French and English have the same keys, none empty, with the same placeholders', () => {
    expect(compareLocales(trees)).toEqual([]);
  });

  it('the comparison fails on a key present in one language only, an empty one, and a placeholder mismatch', () => {
    expect(
      compareLocales({
        fr: { a: 'un', b: { c: 'deux {{n}}' }, d: ' ' },
        en: { a: 'one', b: { c: 'two {{count}}' }, d: 'four', e: 'five' },
      }),
    ).toEqual(['placeholders differ for b.c', 'fr: empty d', 'fr: missing e']);
  });

  it('every key the screens ask for exists in both languages', () => {
    const src = join(import.meta.dirname, '..');
    const used = new Set<string>();
    for (const file of sourceFiles(src)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) if (m[1]) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(40);
    const missing = LANGUAGES.flatMap((language) => {
      const keys = flattenResources(trees[language] ?? {});
      // A counted sentence ({ count }) may exist only in its plural forms (key_one, key_other).
      const known = (key: string) => keys.has(key) || (keys.has(`${key}_one`) && keys.has(`${key}_other`));
      return [...used].filter((key) => !known(key)).map((key) => `${language}: ${key}`);
    });
    expect(missing).toEqual([]);
  });

  it('every key is used by the code: a sentence no screen shows is dead weight to translate', () => {
    const files = sourceFiles(join(import.meta.dirname, '..'), { withCore: true });
    const code = files.map((file) => readFileSync(file, 'utf8')).join('\n');
    // Keys asked for whole ('a.b.c' in any quotes) or by a template's fixed start (`a.b.${x}`).
    const whole = new Set([...code.matchAll(/['"`]([a-zA-Z][\w-]*(?:\.[\w-]+)+)['"`]/g)].map((m) => m[1]));
    const starts = [...code.matchAll(/`([a-zA-Z][\w-]*(?:\.[\w-]+)*\.)\$\{/g)].map((m) => m[1] ?? '');
    const used = (key: string) => {
      const base = key.replace(/_(zero|one|two|few|many|other)$/, '');
      return whole.has(key) || whole.has(base) || starts.some((start) => base.startsWith(start));
    };
    const unused = [...flattenResources(trees.fr ?? {}).keys()].filter(
      (key) => !used(key) && !NOT_YET_USED.has(key),
    );
    expect(unused).toEqual([]);
  });

  it('starts in French, and English is there when switched to', () => {
    expect(i18n.language).toBe('fr');
    expect(i18n.getFixedT('en')('status.server.online')).toBe('Online');
    expect(i18n.t('status.server.online')).toBe('En ligne');
  });
});
