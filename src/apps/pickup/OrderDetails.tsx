import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { tallyHandovers } from '../../core/orders/handover-tally';
import { orderAmount } from '../../core/orders/pickup-payment';
import { useFormat } from '../../i18n/use-format';
import { conflictDetails } from '../../state/pickup-handover-history';
import { pickupListView } from '../../state/pickup-list-store';
import { HandoverHistory } from './HandoverHistory';
import { placedDate } from './OrderRow';
import { RestockDialog } from './RestockDialog';
import type { PickupDesk } from './use-pickup-desk';

/** An order's details and what the desk can do with it now. */
export function OrderDetails({ parts, orderId }: { parts: PickupDesk; orderId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { desk, list, restock } = parts;
  const listState = useStore(list.store);
  const restocked = useStore(restock.store, (s) => (s.returnedId === orderId ? s.message : undefined));
  const order = listState.orders.find((o) => o.id === orderId);
  if (!order) return null;
  const view = pickupListView(listState);
  const overdue = view.groups.overdue.includes(order);
  const handedOut = new Map(
    tallyHandovers(order.lines, order.handovers).lines.map((l) => [l.lineId, l.handedOver]),
  );
  const canPrepare = order.status === 'received' || order.status === 'picking';
  const canHandOver = order.status === 'ready-for-pickup' || order.status === 'partially-handed-over';
  return (
    <article className="pickup-order" data-testid="pickup-order-details" aria-labelledby="pickup-order-title">
      <h2 id="pickup-order-title">{t('pickupApp.order.number', { number: order.webOrderId })}</h2>
      <p className="pickup-status" data-testid="pickup-order-status">
        {t(`pickupApp.order.status.${order.status}`)}
      </p>
      {overdue ? (
        <p className="pickup-overdue" role="status" data-testid="pickup-overdue">
          {t('pickupApp.overdueHint', { days: listState.uncollectedDays })}
        </p>
      ) : null}
      {restocked ? (
        <p className="pickup-restocked" role="status" data-testid="pickup-restocked">
          {restocked}
        </p>
      ) : null}
      {order.handoverConflict ? (
        <div className="pickup-conflict" role="alert" data-testid="pickup-conflict">
          <p className="error">{t('pickupApp.conflict')}</p>
          <ul data-testid="pickup-conflict-details">
            {conflictDetails(order).map((words) => (
              <li key={words}>{words}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <dl className="pickup-facts">
        <dt>{t('pickupApp.order.customer')}</dt>
        <dd>
          {order.customer.name}
          {order.customer.email ? ` · ${order.customer.email}` : ''}
          {order.customer.phone ? ` · ${order.customer.phone}` : ''}
        </dd>
        <dt>{t('pickupApp.list.placed', { date: '' }).trim()}</dt>
        <dd>{placedDate(order)}</dd>
        <dt>{t('pickupApp.pay.title')}</dt>
        <dd data-testid="pickup-order-payment">
          {order.payments !== undefined
            ? t('pickupApp.pay.paidOnline')
            : order.payment
              ? t('pickupApp.pay.paidInStore', { receipt: order.payment.receiptNumber })
              : t('pickupApp.pay.due', { amount: format.money(orderAmount(order)) })}
        </dd>
      </dl>
      <h3>{t('pickupApp.order.lines')}</h3>
      <ul className="pickup-lines">
        {order.lines.map((line) => {
          // From the records, so two desks' over-handover shows as it is (4 for 2 ordered).
          const handed = handedOut.get(line.lineId) ?? 0;
          return (
            <li key={line.lineId}>
              <span>
                {line.quantity} × {line.name}
              </span>
              {handed > 0 ? (
                <span className="pickup-line-note">{t('pickupApp.order.handedOver', { count: handed })}</span>
              ) : null}
            </li>
          );
        })}
      </ul>
      <HandoverHistory parts={parts} order={order} />
      <div className="pickup-actions pickup-main-actions">
        <button type="button" className="secondary" onClick={desk.back} data-testid="pickup-back">
          {t('pickupApp.order.close')}
        </button>
        {canPrepare ? (
          <button type="button" onClick={() => void desk.prepareOrder(order.id)} data-testid="pickup-prepare">
            {t('pickupApp.order.prepare')}
          </button>
        ) : null}
        {canHandOver ? (
          <button
            type="button"
            onClick={() => void desk.handOverOrder(order.id)}
            data-testid="pickup-hand-over"
          >
            {t('pickupApp.order.handOver')}
          </button>
        ) : null}
        {overdue ? (
          <button
            type="button"
            className="secondary"
            onClick={() => restock.ask(order)}
            data-testid="pickup-restock"
          >
            {t('pickupApp.restock.ask')}
          </button>
        ) : null}
      </div>
      <RestockDialog parts={parts} />
    </article>
  );
}
