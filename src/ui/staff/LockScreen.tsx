import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useFormat } from '../../i18n/use-format';
import type { SessionLockStore } from '../../state/session-lock-store';
import { LargeRowList, PinPad } from '../kit';
import { focusPin } from './focus-pin';
import './staff-access.css';

/**
 * The till while its cashier is away: nothing of the sale shows (it is kept
 * and comes back at unlock). The same cashier, or a manager taken in the
 * list, types their PIN.
 */
export function LockScreen({ lock, place = 'till' }: { lock: SessionLockStore; place?: 'till' | 'desk' }) {
  const { t } = useTranslation();
  const format = useFormat();
  const state = useStore(lock.store);
  if (!state.lock) return null;
  const { staff, since, cause } = state.lock;
  const person = state.people.find((p) => p.id === state.unlockAs);
  return (
    <section className="lock-screen staff-access" aria-labelledby="lock-title" data-testid="lock-screen">
      <h2 id="lock-title">{place === 'desk' ? t('lock.deskTitle') : t('lock.title')}</h2>
      <p data-testid="lock-since">
        {t(place === 'desk' ? 'lock.deskLockedBy' : 'lock.lockedBy', {
          name: staff.displayName,
          time: format.time(Date.parse(since)),
        })}{' '}
        {cause === 'idle' && (
          <span data-testid="lock-idle">{place === 'desk' ? t('lock.deskIdle') : t('lock.idle')}</span>
        )}
      </p>
      <p className="staff-access-hint">{place === 'desk' ? t('lock.deskKept') : t('lock.saleKept')}</p>
      <div className="staff-access-columns">
        <div className="staff-access-people">
          <p className="kit-field-label">{t('lock.who')}</p>
          <LargeRowList
            rows={state.people.map((p) => ({
              id: p.id,
              label:
                p.id === staff.id ? p.displayName : `${p.displayName}, ${t(`approvals.roles.${p.role}`)}`,
            }))}
            label={t('lock.who')}
            selectedId={state.unlockAs}
            onSelect={lock.choose}
            onActivate={() => focusPin('unlock-pin')}
            testId="lock-people"
          />
        </div>
        <div className="staff-access-pin">
          <p className="error" role="alert" data-testid="unlock-problem">
            {state.problem ?? ''}
          </p>
          <PinPad
            label={t('lock.pinLabel', { name: person?.displayName ?? staff.displayName })}
            submitLabel={state.checking ? t('lock.checking') : t('lock.unlock')}
            disabled={state.checking}
            onSubmit={lock.unlock}
            testId="unlock-pin"
            autoFocus
          />
        </div>
      </div>
    </section>
  );
}
