import type { DisplayLines } from '../../src/core/bridge/bridge-methods';
import type { DeviceStatus } from '../../src/core/bridge/device-status';
import { err, ok } from '../../src/core/result';
import { reportBadConfig } from '../devices/bad-config-status';
import type { BackoffOptions } from '../devices/reconnect-backoff';
import type { CustomerDisplayDriver, DeviceContext } from '../host/device-drivers';
import { keepSerialPortOpen } from '../serial/kept-serial-port';
import { cd5220Lines, cd5220Reset } from './cd5220';
import { type DisplayConfig, displayConfigSchema } from './display-config';

// The customer pole display: remembers the last lines it was asked to show
// and shows them again whenever the display comes back (unplugged and
// plugged in, powered off and on), so the customer never reads a stale or
// blank screen after a hiccup.

export interface CustomerDisplayOptions {
  readonly backoff?: BackoffOptions;
}

export function createCustomerDisplay(
  input: DisplayConfig,
  context: DeviceContext,
  options: CustomerDisplayOptions = {},
): CustomerDisplayDriver {
  const parsed = displayConfigSchema.safeParse(input);
  if (!parsed.success) {
    const message = reportBadConfig(input, 'customer-display', parsed.error, context);
    return {
      show: async () => err({ code: 'device-misconfigured', message, retryable: false }),
      close: async () => undefined,
    };
  }
  const config = parsed.data;
  const status = (state: DeviceStatus['state'], detail?: string) =>
    context.reportStatus({
      deviceId: config.deviceId,
      kind: 'customer-display',
      name: config.name,
      simulated: config.simulated,
      state,
      ...(detail ? { detail } : {}),
    });
  let lastLines: DisplayLines = { upper: '', lower: '' };

  status('connecting');
  const port = keepSerialPortOpen({
    path: config.path,
    baudRate: config.baudRate,
    ...(options.backoff ? { backoff: options.backoff } : {}),
    log: context.log,
    onState(link) {
      if (link.state === 'disconnected') {
        status('disconnected', link.detail);
        return;
      }
      void port.write(cd5220Reset(lastLines, config.codePage)).then((written) => {
        if (written.ok) status('connected');
        else context.log('customer display: cannot restore its lines', { error: written.error.message });
      });
    },
  });

  return {
    async show(lines) {
      lastLines = { upper: lines.upper, lower: lines.lower };
      const written = await port.write(cd5220Lines(lastLines, config.codePage));
      return written.ok ? ok({ done: true as const }) : written;
    },
    close: () => port.close(),
  };
}
