import { Search } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { DESK_GROUPS } from '../../core/orders/pickup-queue';
import { useFormat } from '../../i18n/use-format';
import { pickupListView } from '../../state/pickup-list-store';
import { OrderRow } from './OrderRow';
import type { PickupDesk } from './use-pickup-desk';

/** The search field (a scanner types into it too), the groups, the orders of the group shown and the refused codes. */
export function DeskList({ parts }: { parts: PickupDesk }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { desk, list, refusals } = parts;
  const listState = useStore(list.store);
  const deskState = useStore(desk.store);
  const refused = useStore(refusals.store, (s) => s.refusals);
  const view = pickupListView(listState);
  const [typed, setTyped] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = typed.trim();
    setTyped('');
    if (text) await desk.find(text);
  };
  const matches = deskState.view.kind === 'matches' ? deskState.view.orderIds : undefined;
  const shown = matches ? matches.flatMap((id) => listState.orders.filter((o) => o.id === id)) : view.shown;
  const selectedId = deskState.view.kind === 'order' ? deskState.view.orderId : undefined;

  return (
    <section className="pickup-list" aria-labelledby="pickup-list-title">
      <h2 id="pickup-list-title" className="visually-hidden">
        {t('pickupApp.list.label')}
      </h2>
      <form className="pickup-find" onSubmit={submit}>
        <label htmlFor="pickup-find-input">{t('pickupApp.find.label')}</label>
        <div className="pickup-find-row">
          <input
            id="pickup-find-input"
            data-testid="pickup-find-input"
            autoComplete="off"
            spellCheck={false}
            placeholder={t('pickupApp.find.placeholder')}
            // biome-ignore lint/a11y/noAutofocus: the desk's search field takes scans and typing as soon as it opens
            autoFocus
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
          <button
            type="submit"
            className="pickup-find-submit"
            data-testid="pickup-find-submit"
            aria-label={t('pickupApp.find.submit')}
            title={t('pickupApp.find.submit')}
          >
            <Search aria-hidden="true" size={26} />
          </button>
        </div>
      </form>
      <p className="pickup-notice error" role="alert" data-testid="pickup-notice">
        {deskState.notice ?? ''}
      </p>
      <p className="pickup-counts" data-testid="pickup-counts">
        <strong data-testid="pickup-waiting">{t('pickupApp.list.waiting', { count: view.waiting })}</strong>
        {' · '}
        <span data-testid="pickup-data-age">
          {view.dataAgeMinutes === undefined
            ? t('pickupApp.list.dataNever')
            : view.dataAgeMinutes === 0
              ? t('pickupApp.list.dataNow')
              : t('pickupApp.list.dataAge', { minutes: view.dataAgeMinutes })}
        </span>
      </p>
      {matches ? (
        <button type="button" className="secondary" onClick={desk.back} data-testid="pickup-clear-search">
          {t('pickupApp.find.clear')}
        </button>
      ) : (
        <div className="pickup-groups" role="tablist" aria-label={t('pickupApp.list.label')}>
          {DESK_GROUPS.map((group) => (
            <button
              key={group}
              type="button"
              role="tab"
              aria-selected={listState.group === group}
              className={listState.group === group ? 'pickup-group selected' : 'pickup-group'}
              data-testid={`pickup-group-${group}`}
              onClick={() => list.showGroup(group)}
            >
              {t(`pickupApp.groups.${group}`)}{' '}
              <span className="pickup-group-count">{format.count(view.groups[group].length)}</span>
            </button>
          ))}
        </div>
      )}
      <ul className="pickup-orders" data-testid="pickup-orders">
        {shown.length === 0 ? <li className="pickup-empty">{t('pickupApp.list.empty')}</li> : null}
        {shown.map((order) => (
          <OrderRow
            key={order.id}
            order={order}
            selected={order.id === selectedId}
            overdue={view.groups.overdue.includes(order)}
            onOpen={() => desk.select(order.id)}
          />
        ))}
      </ul>
      {refused.length > 0 ? (
        <details className="pickup-refusals" data-testid="pickup-refusals">
          <summary>
            {t('pickupApp.refusals.title')} ({format.count(refused.length)})
          </summary>
          <ul>
            {refused.slice(0, 10).map((r) => (
              <li key={`${r.at}-${r.input}`}>
                {t('pickupApp.refusals.at', { time: format.time(r.at), words: r.words })}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
