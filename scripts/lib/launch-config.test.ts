import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLaunchConfig, SETTINGS } from './launch-config';

describe('launch configuration', () => {
  it('has a default for every setting', () => {
    const config = loadLaunchConfig({ TILL_CONFIG: '/nonexistent.json' });
    expect(config.TILL_DATABASE_URL).toBe('pglite:.data/pglite');
    expect(config.TILL_SYNC_PORT).toBe('8787');
  });

  it('reads a config file, and the environment wins over it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'till-config-')), 'till.config.json');
    writeFileSync(file, JSON.stringify({ TILL_SYNC_PORT: 9000, TILL_STORE_CODE: 'LYO02' }));
    const config = loadLaunchConfig({ TILL_CONFIG: file, TILL_STORE_CODE: 'MRS03' });
    expect(config.TILL_SYNC_PORT).toBe('9000');
    expect(config.TILL_STORE_CODE).toBe('MRS03');
  });

  it('refuses unknown settings in the file, naming them', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'till-config-')), 'till.config.json');
    writeFileSync(file, JSON.stringify({ TILL_SYNC_PROT: 9000 }));
    expect(() => loadLaunchConfig({ TILL_CONFIG: file })).toThrow(/unknown settings TILL_SYNC_PROT/);
  });

  it('the README documents every setting', () => {
    const readme = readFileSync('README.md', 'utf8');
    const missing = Object.keys(SETTINGS).filter(
      (name) => !new RegExp(`\\|\\s*\`${name}\`\\s*\\|`).test(readme),
    );
    expect(missing).toEqual([]);
  });
});
