import type { CurrencyCode } from '../../../core/money';
import type { TicketFlows } from './ticket-flows';
import { VoucherRedeemDialog } from './VoucherRedeemDialog';
import { VoucherSaleDialog } from './VoucherSaleDialog';

/** The gift voucher dialogs (each shows only while its flow asks for it). */
export function TicketDialogs({ flows, currency }: { flows: TicketFlows; currency: string }) {
  return (
    <>
      <VoucherSaleDialog vouchers={flows.vouchers} currency={currency as CurrencyCode} />
      <VoucherRedeemDialog vouchers={flows.vouchers} currency={currency as CurrencyCode} />
    </>
  );
}
