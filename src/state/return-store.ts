import { createStore } from 'zustand/vanilla';
import type { PosBridge } from '../core/bridge/pos-bridge';
import type { Product } from '../core/catalog/product';
import { receiptNumberOf } from '../core/journal/journal-entry';
import { type Money, money, sumMoney } from '../core/money';
import type { CompletedReturn } from '../core/returns/completed-return';
import { createReturn } from '../core/returns/create-return';
import { exchangeAccountOf } from '../core/returns/exchange-account';
import { keepForExchange, paidOut } from '../core/returns/exchange-credit';
import type { RefundPolicy } from '../core/returns/refund-policy';
import { DEFAULT_RETURN_POLICY, refundApprovalNeed, refundPolicyFor } from '../core/returns/return-policy';
import type { ReturnReason } from '../core/returns/return-reason';
import type { ReturnableSource } from '../core/returns/returnable-source';
import type { Tender } from '../core/sale';
import type { StoreSettings } from '../core/settings/store-settings';
import { ownReturnsOf } from '../data/return-sources';
import { journalErrorWords, returnErrorWords } from '../i18n/error-words';
import { activeLanguage, t } from '../i18n/i18n';
import { formatterFor } from '../i18n/use-format';
import type { ApprovalRequest, ApprovalResult } from './approval-store';
import { openDrawer } from './drawer-kick';
import { newId } from './ids';
import { type FindStoreSale, type FoundSource, findReturnSource, readFindInput } from './return-find';
import { type ReturnPick, returnLineRequests, setPick, startPicks, totalOfPicks } from './return-picks';
import { type IssuedReturnReceipt, issueReturnReceipt } from './return-receipt';
import { refundOnCard } from './return-refund';
import { scanProblemWords } from './sale-problem-words';
import { lookupScan } from './scan-lookup';
import type { SignedInStaff } from './staff-sign-in';
import type { TillServices } from './till-services';

// One return (or exchange) at the till, from finding the sale to the return
// receipt. Every rule is the core's (createReturn, routeRefund, the return
// policy); this store sequences the steps, asks for approvals, runs card
// refunds on the terminal, opens the drawer for cash and journals the
// `return.completed` entry. An exchange hands the kept credit to the sale
// (a store-credit tender on the exchange's account), which the normal
// payment panel then completes: docs/cart-and-returns.md, "Exchanges".

export type ReturnStep = 'find' | 'lines' | 'done';

export interface DoneReturn {
  readonly record: CompletedReturn;
  readonly receiptNumber: string;
  /** Handed back in cash (the drawer opened), and on the card. */
  readonly cashOut: Money;
  readonly cardOut: Money;
  /** Kept as the credit of an exchange (the basket's payment starts with it). */
  readonly exchangeCredit: Money;
  readonly receipt: IssuedReturnReceipt | undefined;
}

export interface ReturnState {
  readonly open: boolean;
  readonly step: ReturnStep;
  readonly found: FoundSource | undefined;
  readonly withoutReceipt: boolean;
  readonly picks: Readonly<Record<string, ReturnPick>>;
  readonly refundTo: 'original' | 'store-credit';
  /** The card refund in progress, in words. */
  readonly working: string | undefined;
  readonly done: DoneReturn | undefined;
  readonly problem: string | undefined;
}

export interface ReturnServices
  extends Pick<TillServices, 'db' | 'journal' | 'config' | 'findProductByBarcode'> {
  readonly bridge: PosBridge | undefined;
  readonly till: { readonly storeCode: string; readonly tillCode: string };
  readonly approvals: {
    require(staff: SignedInStaff, request: ApprovalRequest): Promise<ApprovalResult>;
  };
  readonly findStoreSale?: FindStoreSale;
  /** The basket's total, for an exchange (zero: nothing new in the basket). */
  readonly basketTotal: () => Money;
  /** Pays the basket first with the exchange's credit. */
  readonly takeExchangeCredit: (tender: Tender) => void;
}

const initial: ReturnState = {
  open: false,
  step: 'find',
  found: undefined,
  withoutReceipt: false,
  picks: {},
  refundTo: 'original',
  working: undefined,
  done: undefined,
  problem: undefined,
};

export function createReturnStore(services: ReturnServices) {
  const store = createStore<ReturnState>()(() => initial);
  const fail = (problem: string) => store.setState({ problem, working: undefined });
  const settings = async (): Promise<StoreSettings | undefined> =>
    (await services.db.settings.findOne().exec())?.toMutableJSON() as StoreSettings | undefined;
  let noReceiptId = newId();

  /** The source of a return without receipt: the articles scanned, at the catalog's prices. */
  function noReceiptSource(
    lines: readonly ReturnableSource['lines'][number][],
  ): ReturnableSource | undefined {
    const first = lines[0];
    if (!first) return undefined;
    const total = sumMoney(
      lines.map((l) => l.netPaid),
      first.netPaid.currency,
    );
    return {
      source: { type: 'sale', id: `no-receipt:${noReceiptId}` },
      currency: first.netPaid.currency,
      lines: [...lines],
      payments:
        total.minor > 0
          ? [{ tenderId: 'no-receipt', type: 'cash', amount: total, accountId: null, reference: null }]
          : [],
    };
  }

  const api = {
    store,

    open() {
      store.setState({ ...initial, open: true });
    },
    close() {
      if (store.getState().working) return;
      store.setState(initial);
    },

    /** A scanned or typed receipt, receipt QR, order QR or order number. */
    async find(raw: string): Promise<void> {
      const query = readFindInput(raw);
      if (!query.ok) return fail(query.error);
      const found = await findReturnSource(
        {
          db: services.db,
          till: services.till,
          settings: await settings(),
          findStoreSale: services.findStoreSale,
        },
        query.value,
      );
      if (!found.ok) return fail(found.error);
      const picks = startPicks(found.value);
      if (Object.keys(picks).length === 0) return fail(t('returns.find.allReturned'));
      store.setState({ found: found.value, picks, step: 'lines', withoutReceipt: false, problem: undefined });
    },

    /** No proof of purchase: the cashier scans the articles; a manager approves the refund. */
    startWithoutReceipt() {
      noReceiptId = newId();
      store.setState({
        ...initial,
        open: true,
        step: 'lines',
        withoutReceipt: true,
        refundTo: 'store-credit',
      });
    },

    /** An article brought back without receipt, priced from the catalog. */
    async scanArticle(raw: string): Promise<void> {
      const { withoutReceipt, found } = store.getState();
      if (!withoutReceipt) return;
      const scanned = await lookupScan(raw, services.findProductByBarcode);
      if (scanned.kind !== 'product') return fail(scanProblemWords(scanned));
      if (scanned.product.unit !== 'piece') return fail(t('returns.lines.weighedWithoutReceipt'));
      const lines = addArticle(found?.source.lines ?? [], scanned.product);
      const source = noReceiptSource(lines);
      if (!source) return;
      const next = { source, receiptNumber: null, alreadyReturned: {}, alreadyRefunded: {} };
      const picks = startPicks(next, true);
      store.setState({ found: next, picks, problem: undefined });
    },

    /**
     * What a scanner read while the return window is open belongs to the
     * return, never to the sale behind it: the receipt or order to find, or,
     * without receipt, an article brought back. Ignored while a refund runs
     * and once the return is done.
     */
    async scan(raw: string): Promise<void> {
      const { open, step, withoutReceipt, working } = store.getState();
      if (!open || working !== undefined || step === 'done') return;
      if (withoutReceipt) return api.scanArticle(raw);
      return api.find(raw);
    },

    pick(lineId: string, change: Partial<ReturnPick>) {
      const { found, picks } = store.getState();
      if (!found) return;
      const next = setPick(found, picks, lineId, change);
      if (!next.ok) return fail(next.error);
      store.setState({ picks: next.value, problem: undefined });
    },

    refundTo(to: 'original' | 'store-credit') {
      if (store.getState().withoutReceipt) return;
      store.setState({ refundTo: to });
    },

    /** The basket an exchange would pay (zero: nothing new scanned). */
    basket(): Money {
      return services.basketTotal();
    },

    /** What the picked lines refund, before any rounding of cash. */
    total(): Money | undefined {
      const { found, picks } = store.getState();
      return found ? totalOfPicks(found, picks) : undefined;
    },

    /** Refunds (or, with `exchange`, credits the basket with) the picked lines, and journals the return. */
    async confirm(
      staff: SignedInStaff,
      { exchange = false }: { readonly exchange?: boolean } = {},
    ): Promise<void> {
      const state = store.getState();
      const { found, picks, withoutReceipt } = state;
      if (!found || state.working) return;
      const lines = returnLineRequests(picks);
      if (lines.length === 0) return fail(t('returns.lines.nothingPicked'));
      const storeSettings = await settings();
      const policy = storeSettings?.returnPolicy ?? DEFAULT_RETURN_POLICY;
      const returnId = newId();
      const refundPolicy: RefundPolicy = withoutReceipt
        ? policy.withoutReceipt === 'cash'
          ? { type: 'cash' }
          : { type: 'store-credit', accountId: `credit:${returnId}` }
        : refundPolicyFor(
            policy,
            found.source,
            state.refundTo === 'store-credit'
              ? { to: 'store-credit', accountId: `credit:${returnId}` }
              : { to: 'original' },
          );
      const built = createReturn({
        details: {
          returnId,
          storeCode: services.till.storeCode,
          tillCode: services.till.tillCode,
          staffId: staff.id,
          createdAt: new Date().toISOString(),
        },
        source: found.source,
        previousReturns: withoutReceipt ? [] : await ownReturnsOf(services.db, found.source.source),
        // Other tills' returns of the same sale, as the store feed counts them.
        elsewhere: withoutReceipt
          ? undefined
          : { units: found.alreadyReturned, refundedMinor: found.alreadyRefunded },
        lines,
        policy: refundPolicy,
      });
      if (!built.ok) return fail(returnErrorWords(built.error));
      let record = built.value;
      const exchangeAccount = exchangeAccountOf(returnId);
      let exchangeCredit = money(0, record.currency);
      if (exchange) {
        const basket = services.basketTotal();
        exchangeCredit = money(Math.min(basket.minor, record.total.minor), record.currency);
        if (exchangeCredit.minor === 0) return fail(t('returns.exchange.emptyBasket'));
        const kept = keepForExchange(record, exchangeCredit, exchangeAccount);
        if (!kept.ok) return fail(returnErrorWords({ code: 'invalid-return-record' }));
        record = kept.value;
      }

      const need = refundApprovalNeed(policy, record.total, !withoutReceipt);
      if (need) {
        store.setState({ working: t('returns.refund.awaitingApproval'), problem: undefined });
        const reason = t(`returns.approval.${need}`, {
          amount: formatterFor(activeLanguage()).money(record.total),
        });
        const request: ApprovalRequest =
          need === 'refund-over-limit'
            ? { action: need, subject: { type: need, returnId }, reason, amountMinor: record.total.minor }
            : { action: need, subject: { type: need, returnId }, reason, amountMinor: record.total.minor };
        const approved = await services.approvals.require(staff, request);
        if (!approved.ok) return fail(t(`returns.approval.${approved.reason}`));
      }

      const out = paidOut(record, exchange ? exchangeAccount : null);
      const cardSlips: string[][] = [];
      for (const part of out.filter((p) => p.method === 'card')) {
        store.setState({ working: t('returns.refund.onCard'), problem: undefined });
        const refunded = await refundOnCard(services.bridge, part);
        if (!refunded.ok) return fail(refunded.error);
        cardSlips.push(refunded.value);
      }

      const entry = await services.journal.append({
        kind: 'return.completed',
        payload: record,
        id: newId(),
        recordedAt: new Date().toISOString(),
      });
      if (!entry.ok)
        return fail(t('returns.refund.notJournalled', { words: journalErrorWords(entry.error) }));
      const receiptNumber = receiptNumberOf(entry.value) ?? '';
      const sum = (method: 'cash' | 'card') =>
        sumMoney(
          out.filter((p) => p.method === method).map((p) => p.amount),
          record.currency,
        );
      const cashOut = sum('cash');
      if (exchange) {
        services.takeExchangeCredit({
          type: 'store-credit',
          tenderId: newId(),
          amount: exchangeCredit,
          accountId: exchangeAccount,
        });
      }
      const receipt = storeSettings
        ? await issueReturnReceipt(services, {
            record,
            entry: entry.value,
            receiptNumber,
            originalReceiptNumber: found.receiptNumber,
            settings: storeSettings,
            cashierName: staff.displayName,
            cardSlips,
          })
        : undefined;
      store.setState({
        working: undefined,
        step: 'done',
        problem: receipt && !receipt.ok ? receipt.error : undefined,
        done: {
          record,
          receiptNumber,
          cashOut,
          cardOut: sum('card'),
          exchangeCredit,
          receipt: receipt?.ok ? receipt.value : undefined,
        },
      });
      if (cashOut.minor > 0) {
        const drawerProblem = await openDrawer(services.bridge);
        if (drawerProblem) fail(drawerProblem);
      }
    },

    /** The customer's choice of return receipt (when the rule asks). */
    async receiptChoice(choice: 'paper' | 'digital' | 'none'): Promise<void> {
      const done = store.getState().done;
      if (!done?.receipt) return;
      const next = await done.receipt.choose(choice);
      store.setState((s) => (s.done ? { done: { ...s.done, receipt: next } } : {}));
    },
  };
  return api;
}

function addArticle(
  lines: readonly ReturnableSource['lines'][number][],
  product: Product,
): ReturnableSource['lines'][number][] {
  const price = money(product.priceMinor, product.currency);
  const same = lines.find((l) => l.productId === product.id);
  if (same) {
    return lines.map((l) =>
      l === same
        ? { ...l, quantity: l.quantity + 1, netPaid: money(l.netPaid.minor + price.minor, price.currency) }
        : l,
    );
  }
  return [
    ...lines,
    {
      lineId: newId(),
      productId: product.id,
      name: product.name,
      vatRateBps: product.vatRateBps,
      quantity: 1,
      netPaid: price,
    },
  ];
}

export type ReturnStore = ReturnType<typeof createReturnStore>;
export type { ReturnReason };
