import type { BridgeError } from '../core/bridge/bridge-error';
import type { QueuedPrintJob } from '../core/bridge/bridge-methods';
import type { DeviceKind, DeviceState, DeviceStatus } from '../core/bridge/device-status';
import { bridgeErrorWords as wordsOfBridgeError } from '../i18n/error-words';
import { t } from '../i18n/i18n';

// Devices and their failures in the cashier's words (src/i18n/locales, French
// by default). Drivers give a `detail` meant for the cashier; the code decides
// what we add.

const DEVICE_KINDS: readonly DeviceKind[] = [
  'printer',
  'drawer',
  'payment-terminal',
  'customer-display',
  'scanner',
];

/** The device's name in the active language (read at each use, so a language switch shows at once). */
export const DEVICE_KIND_LABEL: Readonly<Record<DeviceKind, string>> = Object.defineProperties(
  {} as Record<DeviceKind, string>,
  Object.fromEntries(
    DEVICE_KINDS.map((kind) => [kind, { enumerable: true, get: () => t(`devices.kind.${kind}`) }]),
  ),
);

const stateWords = (state: DeviceState) => t(`devices.state.${state}`);

/** "Imprimante : plus de papier", "Terminal CB : prêt". */
export function deviceStatusWords(device: DeviceStatus): string {
  return t('devices.line', { device: DEVICE_KIND_LABEL[device.kind], what: deviceStateWords(device) });
}

/** The state part alone: "plus de papier", "prêt", "tiroir ouvert". */
export function deviceStateWords(device: DeviceStatus): string {
  const detail = device.detail?.trim();
  // A ready device's detail is driver chatter, except the drawer's: whether
  // it stands open is what the cashier needs to see at a glance.
  const tellDetail = device.state !== 'connected' || device.kind === 'drawer';
  return detail && tellDetail ? lowerFirst(detail) : stateWords(device.state);
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * A bridge failure as one short phrase for the cashier. A code this build
 * does not know gets general words: the host's own message may be English or
 * technical, so it is for support only (logs, "details"), never shown here.
 */
export function bridgeErrorWords(error: BridgeError): string {
  return wordsOfBridgeError(error);
}

/** Why a receipt waits in the host's print queue, from its code (the driver's text is for support). */
export function queuedPrintJobWords(job: QueuedPrintJob): string {
  return wordsOfBridgeError({ code: job.code ?? '' });
}
