import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { SignInStore } from '../../state/sign-in-store';
import { LargeRowList, PinPad } from '../kit';
import { focusPin } from './focus-pin';
import './staff-access.css';

/** The row for "PIN only": no staff id starts with '*'. */
const ANYONE = '*';

/**
 * Staff sign in with their PIN, checked against the replicated hashes, so it
 * works offline. Taking one's name in the list first is optional: it makes
 * wrong PINs count against that person rather than against the pad.
 */
export function SignInPanel({ signIn, problem }: { signIn: SignInStore; problem: string | undefined }) {
  const { t } = useTranslation();
  const state = useStore(signIn.store);
  useEffect(() => signIn.watchStaff(), [signIn]);
  // The pad is disabled while a PIN is checked, which takes the focus away: give it back for the next try.
  useEffect(() => {
    if (!state.checking) focusPin('pin-input');
  }, [state.checking]);
  const chosen = state.people.find((p) => p.id === state.chosen);
  const shown = state.problem ?? problem;
  return (
    <section className="sign-in staff-access" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">{t('till.signIn.title')}</h2>
      <p className="staff-access-hint">{t('lock.signInHint')}</p>
      <div className="staff-access-columns">
        <div className="staff-access-people">
          <p className="kit-field-label">{t('lock.signInWho')}</p>
          <LargeRowList
            rows={[
              { id: ANYONE, label: t('lock.signInAnyone') },
              ...state.people.map((p) => ({ id: p.id, label: p.displayName })),
            ]}
            label={t('lock.signInWho')}
            selectedId={state.chosen ?? ANYONE}
            onSelect={(id) => signIn.choose(id === ANYONE ? undefined : id)}
            onActivate={() => focusPin('pin-input')}
            testId="sign-in-people"
          />
        </div>
        <div className="staff-access-pin">
          <p className="error" role="alert" data-testid="sign-in-error">
            {shown ?? ''}
          </p>
          <PinPad
            label={chosen ? t('lock.signInPinLabel', { name: chosen.displayName }) : t('till.signIn.pin')}
            submitLabel={t('till.signIn.submit')}
            disabled={state.checking}
            onSubmit={signIn.signIn}
            testId="pin-input"
            submitTestId="sign-in"
            autoFocus
          />
        </div>
      </div>
    </section>
  );
}
