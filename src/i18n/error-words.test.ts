import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BRIDGE_ERROR_CODES } from '../core/error-codes';
import { bridgeErrorWords, ERROR_WORD_GROUPS, STARTUP_ERROR_CODES, syncFailureWords } from './error-words';
import { i18n, LANGUAGES } from './i18n';

// Every error code that can reach a screen has words, in every language, and
// the words carry no code or technical text.

const ALL_CODES = new Set<string>([
  ...Object.values(ERROR_WORD_GROUPS).flatMap((codes) => [...codes]),
  ...STARTUP_ERROR_CODES,
]);

/** Why these words would not do for a cashier; undefined when they do. */
function whatIsWrong(words: unknown, key: string): string | undefined {
  if (typeof words !== 'string' || words.trim() === '') return 'no words';
  if (words === key || words.includes('errors.')) return 'the key itself';
  if (/\{\{|\}\}/.test(words)) return 'a placeholder left in';
  if (/[a-z][A-Z]|_|[<>[\]]/.test(words)) return 'identifier-like text';
  if (/\b(undefined|null|NaN|Error|HTTP|fetch|ECONN\w*|stack)\b/.test(words)) return 'technical text';
  for (const token of words.match(/[a-z0-9]+(?:-[a-z0-9]+)+/g) ?? [])
    if (ALL_CODES.has(token)) return `the code ${token}`;
  return undefined;
}

function walk(): string[] {
  const problems: string[] = [];
  for (const language of LANGUAGES) {
    const t = i18n.getFixedT(language);
    const check = (key: string) => {
      const exists = i18n.exists(key, { lng: language, fallbackLng: false });
      // Sample values for the sentences that take some (seconds of a lock-out).
      const wrong = exists ? whatIsWrong(t(key as never, { seconds: 30 }), key) : 'missing';
      if (wrong) problems.push(`${language} ${key}: ${wrong}`);
    };
    for (const [group, codes] of Object.entries(ERROR_WORD_GROUPS))
      for (const code of codes) check(`errors.${group}.${code}`);
    for (const code of STARTUP_ERROR_CODES) {
      check(`errors.startup.${code}.title`);
      check(`errors.startup.${code}.action`);
    }
  }
  return problems;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

describe('error codes in words', () => {
  it('every error code of the core, the bridge, sync and start-up has words in French and English', () => {
    expect(ALL_CODES.size).toBeGreaterThan(100);
    expect(walk()).toEqual([]);
  });

  it('the walk fails on a code without words, and on words that show a code', () => {
    const fr = i18n.getResourceBundle('fr', 'translation');
    const saved = fr.errors.cart['invalid-weight'];
    try {
      delete fr.errors.cart['invalid-weight'];
      expect(walk()).toContain('fr errors.cart.invalid-weight: missing');
      fr.errors.cart['invalid-weight'] = 'refusé (invalid-weight)';
      expect(walk()).toContain('fr errors.cart.invalid-weight: the code invalid-weight');
      fr.errors.cart['invalid-weight'] = 'Failed to fetch';
      expect(walk()).toContain('fr errors.cart.invalid-weight: technical text');
    } finally {
      fr.errors.cart['invalid-weight'] = saved;
    }
    expect(walk()).toEqual([]);
  });

  it('French and English words differ (nothing left untranslated)', () => {
    const [fr, en] = [i18n.getFixedT('fr'), i18n.getFixedT('en')];
    const same = Object.entries(ERROR_WORD_GROUPS).flatMap(([group, codes]) =>
      codes.filter(
        (code) => fr(`errors.${group}.${code}` as never) === en(`errors.${group}.${code}` as never),
      ),
    );
    expect(same).toEqual([]);
  });

  it('every code a device host sends in a bridge error is listed, so it has words', () => {
    const root = join(import.meta.dirname, '..', '..');
    const dirs = ['hardware', 'electron', 'src/platform', 'src/core/bridge'].map((d) => join(root, d));
    const sent = new Set<string>();
    for (const file of dirs.flatMap(sources)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bcode: '([a-z][a-z-]*)'/g)) if (m[1]) sent.add(m[1]);
    }
    // zod's own issue code in the printer's configuration schema, not a bridge error
    sent.delete('custom');
    expect(sent.size).toBeGreaterThan(20);
    expect([...sent].filter((code) => !(BRIDGE_ERROR_CODES as readonly string[]).includes(code))).toEqual([]);
  });

  it('a bridge code this build does not know, and a failed fetch, get words rather than the raw text', () => {
    expect(bridgeErrorWords({ code: 'odd' })).toBe('erreur de l’appareil');
    expect(syncFailureWords('Failed to fetch')).toBe('serveur injoignable');
    expect(syncFailureWords('403 forbidden: till revoked')).toBe(
      'refusé par le serveur, action non autorisée pour cette caisse',
    );
    expect(syncFailureWords('499 teapot-thing: x')).toBe('erreur du serveur');
  });
});
