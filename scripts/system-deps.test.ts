import { describe, expect, it } from 'vitest';
import { installInstructions, missingPackages, SYSTEM_PACKAGES, type SystemPackage } from './system-deps';

describe('system packages', () => {
  const fake = (name: string, present: boolean): SystemPackage => ({
    name,
    why: `needed for ${name}`,
    present: () => present,
  });

  it('lists exactly the packages the tests need', () => {
    expect(SYSTEM_PACKAGES.map((p) => p.name)).toEqual(['chromium', 'socat', 'libusb-1.0-0', 'openssl']);
  });

  it('reports only what is missing', () => {
    expect(missingPackages([fake('chromium', true), fake('socat', false)]).map((p) => p.name)).toEqual([
      'socat',
    ]);
  });

  it('says exactly what to install when it cannot install itself', () => {
    const message = installInstructions([fake('socat', false), fake('libusb-1.0-0', false)]);
    expect(message).toContain('  - socat: needed for socat');
    expect(message).toContain('sudo apt-get update && sudo apt-get install -y socat libusb-1.0-0');
  });
});
