import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScreenSet } from '../core/runtime/screen-sets';
import { startupErrorWords } from '../i18n/error-words';
import { useFormat } from '../i18n/use-format';
import { START_STEPS, type StartStep } from '../state/start-steps';
import { PAIRING_FAILURES, type StartupState } from '../state/till-startup';

export interface StartScreenProps {
  readonly screenSet: ScreenSet;
  readonly state: Pick<StartupState, 'step' | 'skipped' | 'catalog' | 'failure'>;
  readonly onRetry: () => void;
  readonly onPairingCode: (code: string) => void;
}

type StepState = 'done' | 'active' | 'pending' | 'failed' | 'skipped';

function stepState(step: StartStep, state: StartScreenProps['state']): StepState {
  if (state.skipped.includes(step)) return 'skipped';
  if (state.step === 'ready') return 'done';
  const at = START_STEPS.indexOf(state.step);
  const index = START_STEPS.indexOf(step);
  if (index < at) return 'done';
  if (index > at) return 'pending';
  return state.failure ? 'failed' : 'active';
}

/**
 * What the till shows while it starts: each step and how far the first
 * catalog sync is; when it cannot start, what went wrong and what to do in
 * the cashier's words, with the technical detail folded away for support.
 */
export function StartScreen({ screenSet, state, onRetry, onPairingCode }: StartScreenProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const failure = state.failure;
  const words = failure ? startupErrorWords(failure.code) : undefined;
  return (
    <main className="screen start-screen" data-testid="start-screen" data-step={state.step}>
      <h1>{t('start.title', { screen: t(`screenSet.${screenSet}`) })}</h1>
      {!failure && <p className="start-intro">{t('start.intro')}</p>}
      <ol className="start-steps" aria-label={t('start.stepsLabel')}>
        {START_STEPS.map((step) => {
          const s = stepState(step, state);
          return (
            <li
              key={step}
              className={`start-step start-step-${s}`}
              data-testid={`start-step-${step}`}
              data-state={s}
            >
              <span className="start-step-name">{t(`start.steps.${step}`)}</span>
              <span className="start-step-state">{t(`start.stepState.${s}`)}</span>
              {step === 'catalog' && s === 'active' && state.catalog && (
                <CatalogProgress {...state.catalog} format={format} />
              )}
            </li>
          );
        })}
      </ol>
      {failure && words && (
        <section className="start-failure" role="alert" data-testid="start-error" data-code={failure.code}>
          <h2>{t('start.failedTitle')}</h2>
          <p className="start-failure-title" data-testid="start-error-title">
            {words.title}
          </p>
          <h3>{t('start.whatToDo')}</h3>
          <p className="start-failure-action" data-testid="start-error-action">
            {words.action}
          </p>
          {PAIRING_FAILURES.includes(failure.code) ? (
            <PairingCodeForm onPairingCode={onPairingCode} />
          ) : (
            <button type="button" data-testid="start-retry" onClick={onRetry}>
              {t('common.retry')}
            </button>
          )}
          <details className="start-details" data-testid="start-error-details">
            <summary>{t('common.details')}</summary>
            <pre>{`${failure.code} · ${failure.step}\n${failure.detail}`}</pre>
          </details>
        </section>
      )}
    </main>
  );
}

function CatalogProgress({
  have,
  remaining,
  serverFailing,
  format,
}: {
  have: number;
  remaining: number;
  serverFailing: boolean;
  format: ReturnType<typeof useFormat>;
}) {
  const { t } = useTranslation();
  const total = have + remaining;
  return (
    <div className="start-catalog">
      {total > 0 && (
        <>
          <progress
            max={total}
            value={have}
            aria-label={t('start.catalogProgressLabel')}
            data-testid="start-catalog-progress"
          />
          <span>{t('start.catalogProgress', { have: format.count(have), total: format.count(total) })}</span>
        </>
      )}
      {serverFailing && (
        <p className="start-warning" role="status" data-testid="start-catalog-waiting">
          {t('start.catalogWaiting')}
        </p>
      )}
    </div>
  );
}

function PairingCodeForm({ onPairingCode }: { onPairingCode: (code: string) => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onPairingCode(code.trim().toUpperCase());
  };
  return (
    <form className="start-pairing" onSubmit={submit}>
      <label htmlFor={id}>{t('start.pairing.label')}</label>
      <input
        id={id}
        data-testid="pairing-code-input"
        value={code}
        onChange={(e) => setCode(e.target.value)}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={14}
        aria-describedby={`${id}-hint`}
      />
      <span id={`${id}-hint`} className="start-hint">
        {t('start.pairing.hint')}
      </span>
      <button type="submit" data-testid="pairing-code-submit">
        {t('start.pairing.submit')}
      </button>
    </form>
  );
}
