import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// electron-builder cannot fetch Electron here, so no package is built in
// tests; this checks the packaging settings the security review relies on,
// and runs electron-builder's own configuration validation on the file (a
// misspelt option would otherwise surface only on the release machine).

// js-yaml is the parser electron-builder itself reads this file with (a
// dependency of app-builder-lib); it ships no types, hence the small cast.
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };

const config = yaml.load(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown>;
// electron-builder's validation, as its build runs it before anything else.
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
};
const quietLogger = { isEnabled: false, add: () => undefined };
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as {
  definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
};

describe('electron-builder.yml', () => {
  it('packages only the built app, in an asar, with native modules unpacked', () => {
    expect(config.appId).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    expect(config.productName).toBeTruthy();
    const files = config.files as string[];
    for (const pattern of files.filter((f) => !f.startsWith('!'))) {
      expect(pattern === 'package.json' || pattern.startsWith('dist/')).toBe(true);
    }
    expect(config.extraMetadata).toEqual({ main: 'dist/electron/main.cjs' });
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/*.node']));
  });

  it('ships the receipt logos as files where the main process points the device host', () => {
    expect(config.extraResources).toEqual([{ from: 'assets/logos', to: 'logos' }]);
  });

  it('builds AppImage and deb for Linux and NSIS for Windows', () => {
    expect((config.linux as { target: string[] }).target).toEqual(['AppImage', 'deb']);
    expect((config.win as { target: string[] }).target).toEqual(['nsis']);
  });

  it('flips the fuses that close Node and debugger back doors', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('publishes to a generic update feed, and Windows installs only updates signed by our publisher', () => {
    expect(config.publish).toEqual([{ provider: 'generic', url: expect.stringMatching(/^https:\/\//) }]);
    expect(config.win).toMatchObject({
      forceCodeSigning: true,
      verifyUpdateCodeSignature: true,
      signtoolOptions: { publisherName: 'Store Till' },
    });
  });

  it('ships the current Electron patch release and electron-updater as a runtime dependency', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    // 45.4.1 shipped without updates; 45.6.1 is the current 45.x patch (issue 11).
    expect(pkg.devDependencies.electron).toBe('45.6.1');
    expect(JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version).toBe('45.6.1');
    // In dependencies, so electron-builder packs it into the app (devDependencies stay out).
    expect(pkg.dependencies['electron-updater']).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("passes electron-builder's own validation, which refuses unknown options", async () => {
    await expect(validateConfiguration(config, quietLogger)).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, asarr: true }, quietLogger)).rejects.toThrow(/asarr/);
  }, 30_000); // loading electron-builder and its schema takes seconds on a busy machine

  it('names only fuses electron-builder knows', () => {
    const known = Object.keys(schema.definitions.FuseOptionsV1.properties);
    expect(known.length).toBeGreaterThan(5);
    for (const fuse of Object.keys(config.electronFuses as object)) expect(known).toContain(fuse);
  });
});
