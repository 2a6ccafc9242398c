import type { DeviceState } from '../../src/core/bridge/device-status';
import type { DeviceContext } from '../host/device-drivers';

/** Reports one scanner's state to the host, with the fields every status needs. */
export function scannerStatusReporter(
  config: { readonly deviceId: string; readonly name: string; readonly simulated: boolean },
  context: DeviceContext,
): (state: DeviceState, detail?: string) => void {
  return (state, detail) =>
    context.reportStatus({
      deviceId: config.deviceId,
      kind: 'scanner',
      name: config.name,
      simulated: config.simulated,
      state,
      ...(detail ? { detail: detail.slice(0, 200) } : {}),
    });
}
