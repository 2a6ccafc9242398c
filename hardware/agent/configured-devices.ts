import type { DeviceStatus } from '../../src/core/bridge/device-status';

/**
 * The devices a till is configured with. Drivers and simulators arrive with
 * the devices issue; until a driver is attached a device reports
 * "disconnected" with the reason, rather than pretending to work.
 */
export function configuredDevices(profile: string): DeviceStatus[] {
  if (profile === 'none') return [];
  if (profile !== 'simulated')
    throw new Error(`TILL_DEVICES must be "simulated" or "none" (got "${profile}")`);
  const pending = 'driver not installed yet';
  return [
    {
      deviceId: 'printer',
      kind: 'printer',
      name: 'Receipt printer (simulated ESC/POS)',
      state: 'disconnected',
      detail: pending,
      simulated: true,
    },
    {
      deviceId: 'drawer',
      kind: 'drawer',
      name: 'Cash drawer',
      state: 'disconnected',
      detail: pending,
      simulated: true,
    },
    {
      deviceId: 'terminal',
      kind: 'payment-terminal',
      name: 'Card terminal (simulated ZVT)',
      state: 'disconnected',
      detail: pending,
      simulated: true,
    },
    {
      deviceId: 'display',
      kind: 'customer-display',
      name: 'Customer display (simulated)',
      state: 'disconnected',
      detail: pending,
      simulated: true,
    },
  ];
}
