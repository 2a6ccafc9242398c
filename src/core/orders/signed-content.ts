import type { ClickCollectOrder } from './click-collect-order';

// What the server's Ed25519 signature (`signedToken`) vouches for: the web
// shop's order as imported, our id and the pickup code. Not the status, the
// handovers, a conflict flag, when it became ready or the store's own payment
// at pickup: tills change those offline and cannot
// re-sign, and a signature they invalidate would be worthless. Signer and
// verifier both use this function so they sign and check the same fields.

export type SignedOrderContent = Omit<
  ClickCollectOrder,
  'status' | 'handovers' | 'handoverConflict' | 'signedToken' | 'readyAt' | 'payment'
>;

export function signedOrderContent(order: ClickCollectOrder): SignedOrderContent {
  const {
    status: _status,
    handovers: _handovers,
    handoverConflict: _conflict,
    signedToken: _token,
    readyAt: _readyAt,
    payment: _payment,
    ...content
  } = order;
  return content;
}
