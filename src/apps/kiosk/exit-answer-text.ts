import type { KioskExitAnswer } from '../../core/runtime/kiosk-exit';
import { t } from '../../i18n/i18n';

// What the kiosk exit dialog tells the manager about the main process's answer.

export function exitAnswerText(answer: KioskExitAnswer): string {
  if (answer.ok) return t('errors.kioskExit.accepted');
  if (answer.reason === 'locked') {
    const seconds = Math.max(1, Math.ceil((answer.retryAfterMs ?? 0) / 1000));
    return t('errors.kioskExit.locked', { seconds });
  }
  return t(`errors.kioskExit.${answer.reason}`);
}
