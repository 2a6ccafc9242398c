import { join } from 'node:path';
import type { DeviceContext, PaymentTerminal } from '../host/device-drivers';
import { adyenProtocol } from './adyen/adyen-protocol';
import { journaledTerminal } from './journaled-terminal';
import { openPaymentRecords } from './payment-records';
import type { TerminalConfig } from './terminal-config';
import { zvtProtocol } from './zvt/zvt-protocol';

/**
 * The till's card terminal from its configuration. Returns at once; the
 * terminal is checked in the background and its status reported through
 * `context.reportStatus`. Payments are journaled in `context.dataDir`, so a
 * restarted till recovers a payment instead of charging it again.
 */
export function createPaymentTerminal(config: TerminalConfig, context: DeviceContext): PaymentTerminal {
  const protocol = config.protocol === 'zvt' ? zvtProtocol(config, context.dataDir) : adyenProtocol(config);
  const records = openPaymentRecords(join(context.dataDir, `payments-${config.deviceId}.jsonl`));
  return journaledTerminal(config, protocol, records, context);
}
