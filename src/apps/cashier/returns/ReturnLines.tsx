import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { RETURN_REASON_CODES } from '../../../core/returns/return-reason';
import { useFormat } from '../../../i18n/use-format';
import type { ReturnReasonCode } from '../../../state/return-picks';
import type { ReturnStore } from '../../../state/return-store';

/** The source's lines: units to take back (+/−, capped), reason, back on the shelf. */
export function ReturnLines({ returns }: { readonly returns: ReturnStore }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { found, picks } = useStore(returns.store);
  if (!found) return null;
  return (
    <table className="return-lines" data-testid="return-lines">
      <caption>{t('returns.lines.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('returns.lines.article')}</th>
          <th scope="col">{t('returns.lines.bought')}</th>
          <th scope="col">{t('returns.lines.quantity')}</th>
          <th scope="col">{t('returns.lines.reason')}</th>
          <th scope="col">{t('returns.lines.restock')}</th>
        </tr>
      </thead>
      <tbody>
        {found.source.lines.map((line) => {
          const pick = picks[line.lineId];
          return (
            <tr key={line.lineId} data-testid="return-line">
              <th scope="row">
                {line.name} <span className="return-line-paid">{format.money(line.netPaid)}</span>
              </th>
              <td>
                {format.count(line.quantity)}
                {(found.alreadyReturned[line.lineId] ?? 0) > 0 && (
                  <span className="return-line-returned">
                    {' '}
                    ({t('returns.lines.returned')} {format.count(found.alreadyReturned[line.lineId] ?? 0)})
                  </span>
                )}
              </td>
              <td>
                {pick && (
                  <span className="return-qty">
                    <button
                      type="button"
                      aria-label={t('returns.lines.less', { name: line.name })}
                      data-testid="return-line-less"
                      disabled={pick.quantity === 0}
                      onClick={() => returns.pick(line.lineId, { quantity: pick.quantity - 1 })}
                    >
                      −
                    </button>
                    <output data-testid="return-line-quantity">{format.count(pick.quantity)}</output>
                    <button
                      type="button"
                      aria-label={t('returns.lines.more', { name: line.name })}
                      data-testid="return-line-more"
                      disabled={pick.quantity >= pick.max}
                      onClick={() => returns.pick(line.lineId, { quantity: pick.quantity + 1 })}
                    >
                      +
                    </button>
                  </span>
                )}
              </td>
              <td>
                {pick && (
                  <select
                    aria-label={`${t('returns.lines.reason')} : ${line.name}`}
                    data-testid="return-line-reason"
                    value={pick.reason}
                    onChange={(e) =>
                      returns.pick(line.lineId, { reason: e.target.value as ReturnReasonCode })
                    }
                  >
                    {RETURN_REASON_CODES.filter(
                      (code) => code !== 'other' && code !== 'refused-at-pickup',
                    ).map((code) => (
                      <option key={code} value={code}>
                        {t(`returns.reasons.${code}`)}
                      </option>
                    ))}
                  </select>
                )}
              </td>
              <td>
                {pick && (
                  <input
                    type="checkbox"
                    aria-label={`${t('returns.lines.restock')} : ${line.name}`}
                    data-testid="return-line-restock"
                    checked={pick.restock}
                    onChange={(e) => returns.pick(line.lineId, { restock: e.target.checked })}
                  />
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
