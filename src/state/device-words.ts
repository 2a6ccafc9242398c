import type { BridgeError } from '../core/bridge/bridge-error';
import type { DeviceKind, DeviceState, DeviceStatus } from '../core/bridge/device-status';

// Devices and their failures in the cashier's words (French first). Drivers
// give a `detail` meant for the cashier; the code decides what we add.

export const DEVICE_KIND_LABEL: Readonly<Record<DeviceKind, string>> = {
  printer: 'Imprimante',
  drawer: 'Tiroir-caisse',
  'payment-terminal': 'Terminal CB',
  'customer-display': 'Afficheur client',
  scanner: 'Scanner',
};

/** Each device state in French (shown) and English (for the coming language switch). */
export const DEVICE_STATE_WORDS: Readonly<Record<'fr' | 'en', Readonly<Record<DeviceState, string>>>> = {
  fr: {
    connecting: 'connexion…',
    connected: 'prêt',
    degraded: 'à surveiller',
    disconnected: 'hors service',
    'not-configured': 'non configuré',
  },
  en: {
    connecting: 'connecting…',
    connected: 'ready',
    degraded: 'needs attention',
    disconnected: 'out of service',
    'not-configured': 'not configured',
  },
};
const STATE_WORDS = DEVICE_STATE_WORDS.fr;

/** "Imprimante : plus de papier", "Terminal CB : prêt". */
export function deviceStatusWords(device: DeviceStatus): string {
  const detail = device.detail?.trim();
  // A ready device's detail is driver chatter, except the drawer's: whether
  // it stands open is what the cashier needs to see at a glance.
  const tellDetail = device.state !== 'connected' || device.kind === 'drawer';
  const what = detail && tellDetail ? lowerFirst(detail) : STATE_WORDS[device.state];
  return `${DEVICE_KIND_LABEL[device.kind]} : ${what}`;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

const BY_CODE: Readonly<Record<string, string>> = {
  'host-unreachable': 'le poste matériel ne répond pas',
  'device-not-configured': 'aucun appareil configuré sur cette caisse',
  'terminal-unreachable': 'terminal injoignable',
  'terminal-busy': 'terminal occupé',
  busy: 'appareil occupé',
  'outcome-unknown': 'résultat inconnu',
  'paper-out': 'plus de papier',
  'cover-open': 'capot ouvert',
  'printer-offline': 'imprimante hors ligne',
  'printer-unreachable': 'imprimante injoignable',
  timeout: 'pas de réponse à temps',
  'printer-no-reply': 'l’imprimante ne répond pas',
  'printer-error': 'erreur de l’imprimante',
  'recovery-pending': 'un paiement précédent attend sa vérification sur le terminal',
  'terminal-refused': 'le terminal a refusé la demande',
  'nothing-to-abort': 'aucun paiement en cours sur le terminal',
  'device-misconfigured': 'appareil mal configuré',
  'protocol-error': 'réponse incompréhensible de l’appareil',
};

/** A bridge failure as one short sentence: our words for known codes, the host's message otherwise. */
export function bridgeErrorWords(error: BridgeError): string {
  const words = BY_CODE[error.code];
  if (words) return words;
  return error.message.trim() === '' ? error.code : error.message;
}
