import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { kioskShell } from '../../platform/kiosk-shell';
import { exitAnswerText } from './exit-answer-text';

// The manager's exit from kiosk mode: a touch PIN pad whose PIN is never shown
// (one dot per digit) and is cleared after every try. The main process checks
// the PIN (electron/main/kiosk-exit-guard.ts); this dialog only sends it and
// shows the answer. In a plain browser there is no kiosk mode to leave.

const MIN_DIGITS = 4;
const MAX_DIGITS = 8;
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

export function KioskExitDialog({
  onClose,
  onDetails,
}: {
  readonly onClose: () => void;
  /** Opens the kiosk's details for staff (devices, sync), behind a manager's PIN of its own. */
  readonly onDetails?: () => void;
}) {
  const { t } = useTranslation();
  const shell = kioskShell();
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | undefined>();
  const [sending, setSending] = useState(false);

  const press = (digit: string) => setPin((typed) => (typed.length < MAX_DIGITS ? typed + digit : typed));

  const submit = async () => {
    if (!shell || pin.length < MIN_DIGITS || sending) return;
    const typed = pin;
    setPin('');
    setSending(true);
    try {
      setMessage(exitAnswerText(await shell.requestExit(typed)));
    } catch {
      setMessage(t('kioskApp.exit.noAnswer'));
    } finally {
      setSending(false);
    }
  };

  return (
    <div className="kiosk-exit-backdrop">
      <section
        className="kiosk-exit"
        role="dialog"
        aria-modal="true"
        aria-labelledby="kiosk-exit-title"
        data-testid="kiosk-exit-dialog"
      >
        <h2 id="kiosk-exit-title">{t('kioskApp.exit.title')}</h2>
        {shell ? (
          <>
            <p>{t('kioskApp.exit.pin')}</p>
            <output
              className="kiosk-exit-dots"
              data-testid="kiosk-exit-dots"
              data-digits={pin.length}
              aria-label={t('kioskApp.exit.digits', { count: pin.length })}
            >
              {'•'.repeat(pin.length) || '\u00a0'}
            </output>
            <div className="kiosk-exit-pad">
              {KEYS.map((digit) => (
                <button key={digit} type="button" onClick={() => press(digit)} disabled={sending}>
                  {digit}
                </button>
              ))}
              <button type="button" onClick={() => setPin('')} disabled={sending}>
                {t('kioskApp.exit.clear')}
              </button>
              <button type="button" onClick={() => press('0')} disabled={sending}>
                0
              </button>
              <button
                type="button"
                className="kiosk-exit-ok"
                data-testid="kiosk-exit-submit"
                onClick={() => void submit()}
                disabled={sending || pin.length < MIN_DIGITS}
              >
                {t('kioskApp.exit.confirm')}
              </button>
            </div>
          </>
        ) : (
          <p data-testid="kiosk-exit-browser">{t('kioskApp.exit.browserOnly')}</p>
        )}
        <p className="kiosk-exit-message" role="status" data-testid="kiosk-exit-message">
          {message ?? ''}
        </p>
        {onDetails ? (
          <button
            type="button"
            className="kiosk-exit-cancel"
            data-testid="kiosk-exit-details"
            onClick={onDetails}
          >
            {t('kioskApp.staff.open')}
          </button>
        ) : null}
        <button type="button" className="kiosk-exit-cancel" data-testid="kiosk-exit-cancel" onClick={onClose}>
          {t('kioskApp.exit.cancel')}
        </button>
      </section>
    </div>
  );
}
