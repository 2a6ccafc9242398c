import { useTranslation } from 'react-i18next';
import type { ClickCollectOrder } from '../../core/orders/click-collect-order';
import { activeLanguage, INTL_LOCALE } from '../../i18n/i18n';

export const placedDate = (order: ClickCollectOrder): string =>
  new Intl.DateTimeFormat(INTL_LOCALE[activeLanguage()], { dateStyle: 'short', timeStyle: 'short' }).format(
    Date.parse(order.placedAt),
  );

export const pieceCount = (order: ClickCollectOrder): number =>
  order.lines.reduce((sum, line) => sum + line.quantity, 0);

/** One order in the desk's list: a button the size of a finger. */
export function OrderRow({
  order,
  selected,
  overdue,
  onOpen,
}: {
  order: ClickCollectOrder;
  selected: boolean;
  overdue: boolean;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  return (
    <li>
      <button
        type="button"
        className={`pickup-order-row${selected ? ' selected' : ''}${overdue ? ' overdue' : ''}`}
        aria-pressed={selected}
        data-testid={`pickup-order-${order.webOrderId}`}
        onClick={onOpen}
      >
        <span className="pickup-order-number">{order.webOrderId}</span>
        <span className="pickup-order-name">{order.customer.name}</span>
        <span className="pickup-order-meta">
          {t('pickupApp.list.placed', { date: placedDate(order) })} ·{' '}
          {t('pickupApp.list.pieces', { count: pieceCount(order) })} ·{' '}
          {t(`pickupApp.order.status.${order.status}`)}
        </span>
      </button>
    </li>
  );
}
