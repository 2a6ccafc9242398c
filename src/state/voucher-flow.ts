import { createStore } from 'zustand/vanilla';
import { type Money, money } from '../core/money';
import {
  mintVoucherCode,
  normalizeVoucherCode,
  VOUCHER_CODE_BYTE_BUDGET,
} from '../core/vouchers/gift-voucher-code';
import { addVoucherLine } from '../core/vouchers/sell-voucher';
import type { VoucherRefusal } from '../core/vouchers/voucher-refusal';
import { voucherStanding } from '../core/vouchers/voucher-standing';
import type { TillDatabase } from '../data/till-database';
import { findVoucher, recentLocalSales } from '../data/vouchers';
import { cartErrorWords, voucherRefusalWords } from '../i18n/error-words';
import { t } from '../i18n/i18n';
import type { BasketPort } from './basket-port';
import { newId } from './ids';

// Gift vouchers at the till (docs/gift-vouchers.md): sell one as an
// open-price line (amount typed on the keypad, code scanned from a voucher
// card or minted here and printed on the receipt), and take one as a tender,
// its balance checked offline against what the till knows (the server's copy
// plus this till's own journal). A partial spend leaves the rest on it.

export interface VoucherFlowState {
  readonly dialog: 'closed' | 'sell' | 'redeem';
  /** The last refusal, in words. */
  readonly problem: string | undefined;
  /** What the till knows of the code being redeemed. */
  readonly balance: { readonly code: string; readonly remaining: Money; readonly face: Money } | undefined;
  /** The last voucher put on the basket. */
  readonly sold: { readonly code: string; readonly amount: Money } | undefined;
  /** A code a scanner read while a voucher dialog was open: it goes into the dialog's code field. */
  readonly scanned: string | undefined;
}

export interface VoucherFlowServices {
  readonly db: TillDatabase;
  readonly basket: BasketPort;
  /** Random bytes for minted codes (the renderer's crypto). */
  readonly randomBytes?: (n: number) => Uint8Array;
}

const initial: VoucherFlowState = {
  dialog: 'closed',
  problem: undefined,
  balance: undefined,
  sold: undefined,
  scanned: undefined,
};

export function createVoucherFlow(services: VoucherFlowServices) {
  const { db, basket } = services;
  const random = services.randomBytes ?? ((n: number) => crypto.getRandomValues(new Uint8Array(n)));
  const store = createStore<VoucherFlowState>()(() => initial);
  const refuse = (code: VoucherRefusal): false => {
    store.setState({ problem: voucherRefusalWords(code) });
    return false;
  };

  async function standingOf(code: string) {
    const pending = basket.current().tenders;
    return voucherStanding(code, await findVoucher(db, code), await recentLocalSales(db), pending);
  }

  function mint(): string {
    for (;;) {
      const minted = mintVoucherCode(random(VOUCHER_CODE_BYTE_BUDGET));
      if (minted.ok) return minted.value;
    }
  }

  return {
    store,
    openSell: () => store.setState({ ...initial, dialog: 'sell' }),
    openRedeem: () => store.setState({ ...initial, dialog: 'redeem' }),
    close: () =>
      store.setState({ dialog: 'closed', problem: undefined, balance: undefined, scanned: undefined }),

    /** A scan while a dialog is open: the voucher card's code. */
    takeScan: (raw: string) => store.setState({ scanned: raw.trim(), problem: undefined }),

    /**
     * Puts a voucher of `amountMinor` on the basket, under the code scanned
     * from a voucher card, or a new code when none is given.
     */
    async sell(amountMinor: number, scannedCode?: string): Promise<boolean> {
      const typed = scannedCode?.trim() ?? '';
      const code = typed === '' ? mint() : normalizeVoucherCode(typed);
      if (!code) return refuse('invalid-code');
      const open = basket.current();
      if (open.paying || open.links.kioskOrder || open.links.clickCollectOrder) return refuse('basket-busy');
      if ((await standingOf(code)).known) return refuse('code-already-sold');
      const added = addVoucherLine(open.cart, open.links.vouchersIssued ?? [], {
        lineId: newId(),
        amountMinor,
        code,
        name: t('vouchers.lineName', { code }),
      });
      if (!added.ok) {
        const { error } = added;
        if (error.code === 'voucher-amount-out-of-range' || error.code === 'voucher-code-in-basket')
          return refuse(error.code);
        store.setState({ problem: cartErrorWords(error) });
        return false;
      }
      basket.replaceBasket(added.value.cart, { ...open.links, vouchersIssued: added.value.issued });
      store.setState({
        dialog: 'closed',
        problem: undefined,
        sold: { code, amount: money(amountMinor, open.cart.currency) },
      });
      return true;
    },

    /** What the till knows of a code, shown before it is taken. */
    async check(codeText: string): Promise<boolean> {
      const code = normalizeVoucherCode(codeText);
      if (!code) return refuse('invalid-code');
      const standing = await standingOf(code);
      if (!standing.known) return refuse('unknown-voucher');
      store.setState({
        problem: undefined,
        balance: { code, remaining: standing.remaining, face: standing.faceValue },
      });
      return true;
    },

    /**
     * Takes the voucher as a tender: what is left on it, at most what is left
     * to pay (or `amountMinor` when the customer keeps some for later).
     */
    async redeem(codeText: string, amountMinor?: number): Promise<boolean> {
      const code = normalizeVoucherCode(codeText);
      if (!code) return refuse('invalid-code');
      const open = basket.current();
      if (!open.paying || !open.remaining) return refuse('no-payment');
      if (open.links.vouchersIssued?.some((v) => v.code === code)) return refuse('voucher-code-in-basket');
      const standing = await standingOf(code);
      if (!standing.known) return refuse('unknown-voucher');
      if (standing.remaining.minor <= 0) return refuse('voucher-empty');
      const wanted = amountMinor ?? Number.MAX_SAFE_INTEGER;
      const take = Math.min(standing.remaining.minor, open.remaining.minor, wanted);
      if (take <= 0) return refuse('voucher-empty');
      await basket.payVoucher(code, money(take, standing.remaining.currency), standing.remaining);
      store.setState({
        dialog: 'closed',
        problem: undefined,
        balance: {
          code,
          remaining: money(standing.remaining.minor - take, standing.remaining.currency),
          face: standing.faceValue,
        },
      });
      return true;
    },
  };
}

export type VoucherFlow = ReturnType<typeof createVoucherFlow>;
