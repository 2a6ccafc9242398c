import { createStore } from 'zustand/vanilla';
import { journalErrorWords } from '../i18n/error-words';
import { t } from '../i18n/i18n';
import type { ApprovalStore } from './approval-store';
import { bridgeErrorWords } from './device-words';
import { newId } from './ids';
import type { SignedInStaff } from './staff-sign-in';
import type { TillServices } from './till-services';

// "Ouvrir le tiroir": the cash drawer opened with no sale, for a reason
// chosen in a list. Guarded by the `no-sale` right (a cashier needs a
// supervisor's or manager's PIN by default, approval-store.ts), and
// journalled once the drawer opened (`drawer.no-sale`).

export const NO_SALE_REASONS = ['change', 'float-check', 'correction'] as const;
export type NoSaleReason = (typeof NO_SALE_REASONS)[number];

export interface NoSaleState {
  /** The reasons' list is on screen. */
  readonly choosing: boolean;
  readonly busy: boolean;
  /** What happened last, in words. */
  readonly outcome: { readonly kind: 'opened' | 'problem'; readonly words: string } | undefined;
}

export type NoSaleServices = Pick<TillServices, 'journal' | 'bridge'>;

export function createNoSaleStore(
  services: NoSaleServices,
  approvals: Pick<ApprovalStore, 'require'>,
  currentStaff: () => SignedInStaff | undefined,
) {
  const store = createStore<NoSaleState>()(() => ({ choosing: false, busy: false, outcome: undefined }));
  const problem = (words: string) => store.setState({ busy: false, outcome: { kind: 'problem', words } });

  return {
    store,

    start(): void {
      if (!currentStaff() || store.getState().busy) return;
      store.setState({ choosing: true, outcome: undefined });
    },

    cancel(): void {
      store.setState({ choosing: false });
    },

    /** Opens the drawer for `reason`, once the approval (if the role needs one) is given. */
    async open(reason: NoSaleReason): Promise<void> {
      const staff = currentStaff();
      if (!staff || store.getState().busy) return;
      store.setState({ choosing: false, busy: true, outcome: undefined });
      const words = t(`noSale.reasons.${reason}`);
      const approval = await approvals.require(staff, {
        action: 'no-sale',
        subject: { type: 'no-sale' },
        reason: words,
      });
      if (!approval.ok) return store.setState({ busy: false });
      const { bridge } = services;
      if (!bridge) return problem(t('noSale.noDrawer'));
      const opened = await bridge.openDrawer();
      if (!opened.ok)
        return problem(
          opened.error.code === 'device-not-configured'
            ? t('noSale.noDrawer')
            : t('noSale.drawerFailed', { words: bridgeErrorWords(opened.error) }),
        );
      const entry = await services.journal.append({
        kind: 'drawer.no-sale',
        payload: { staffId: staff.id, approverStaffId: approval.approverStaffId, reason: words },
        id: newId(),
        recordedAt: new Date().toISOString(),
      });
      if (!entry.ok) return problem(t('noSale.notRecorded', { words: journalErrorWords(entry.error) }));
      store.setState({
        busy: false,
        outcome: { kind: 'opened', words: t('noSale.opened', { reason: words }) },
      });
    },

    dismiss(): void {
      store.setState({ outcome: undefined });
    },
  };
}

export type NoSaleStore = ReturnType<typeof createNoSaleStore>;
