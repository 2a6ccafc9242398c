// The store-credit account an exchange keeps its credit on (exchange-credit.ts):
// the return credits it, the sale of the new articles draws the same amount
// from it. It is the exchange's own bookkeeping, not a credit note the
// customer holds, so receipts and screens never show it as one.

const PREFIX = 'exchange:';

export const exchangeAccountOf = (returnId: string): string => `${PREFIX}${returnId}`;

export const isExchangeAccount = (accountId: string | null | undefined): boolean =>
  accountId?.startsWith(PREFIX) === true;
