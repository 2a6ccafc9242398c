import type { KioskExitAnswer } from '../../core/runtime/kiosk-exit';

// What the kiosk exit dialog tells the manager about the main process's answer.

export function exitAnswerText(answer: KioskExitAnswer): string {
  if (answer.ok) return 'Code accepté : fermeture de la borne…';
  switch (answer.reason) {
    case 'wrong-pin':
      return 'Code PIN incorrect';
    case 'locked': {
      const seconds = Math.max(1, Math.ceil((answer.retryAfterMs ?? 0) / 1000));
      return `Trop d’essais : réessayez dans ${seconds} s`;
    }
    case 'not-configured':
      return 'Aucun code responsable sur cette borne : arrêtez le service pour la quitter';
    case 'forbidden':
    case 'bad-request':
      return 'Demande refusée par l’application';
  }
}
