import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/kit';

/** "Are you still there?" with the seconds left, and one big button to go on. */
export function IdleWarning({
  secondsLeft,
  onContinue,
}: {
  readonly secondsLeft: number;
  readonly onContinue: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={t('kioskApp.idle.title')}
      onClose={onContinue}
      testId="kiosk-idle-warning"
      cancelLabel={t('kioskApp.idle.continue')}
    >
      <p>{t('kioskApp.idle.body')}</p>
      <p
        className="kiosk-countdown"
        role="timer"
        aria-live="off"
        data-testid="kiosk-idle-countdown"
        data-seconds={secondsLeft}
      >
        {t('kioskApp.idle.seconds', { count: secondsLeft })}
      </p>
      {/* Said at 20 and 10 seconds, not every second: a screen reader would say nothing else. */}
      <p className="visually-hidden" aria-live="assertive">
        {secondsLeft === 20 || secondsLeft === 10 ? t('kioskApp.idle.seconds', { count: secondsLeft }) : ''}
      </p>
    </Dialog>
  );
}
