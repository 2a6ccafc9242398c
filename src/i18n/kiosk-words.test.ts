import { describe, expect, it } from 'vitest';
import { i18n, LANGUAGES, setLanguage } from './i18n';
import { KIOSK_WORD_GROUPS, kioskWords } from './kiosk-words';

const ALL_CODES = new Set<string>(Object.values(KIOSK_WORD_GROUPS).flatMap((codes) => [...codes]));

describe('the kiosk’s data paths in words', () => {
  it('every refusal, delivery and contact code has its own sentence in French and English, without codes', () => {
    const problems: string[] = [];
    for (const language of LANGUAGES) {
      const t = i18n.getFixedT(language);
      for (const [group, codes] of Object.entries(KIOSK_WORD_GROUPS))
        for (const code of codes) {
          const key = `kiosk.${group}.${code}`;
          if (!i18n.exists(key, { lng: language, fallbackLng: false })) {
            problems.push(`${language} ${key}: missing`);
            continue;
          }
          const words = t(key as never) as string;
          if (/\{\{|[<>[\]_]|\b(undefined|null|Error|HTTP)\b/.test(words))
            problems.push(`${language} ${key}: technical`);
          for (const token of words.match(/[a-z0-9]+(?:-[a-z0-9]+)+/g) ?? [])
            if (ALL_CODES.has(token)) problems.push(`${language} ${key}: shows ${token}`);
        }
    }
    expect(problems).toEqual([]);
    const [fr, en] = [i18n.getFixedT('fr'), i18n.getFixedT('en')];
    const same = Object.entries(KIOSK_WORD_GROUPS).flatMap(([group, codes]) =>
      codes.filter((code) => fr(`kiosk.${group}.${code}` as never) === en(`kiosk.${group}.${code}` as never)),
    );
    expect(same).toEqual([]);
  });

  it('says a code it does not know in its group’s general words', async () => {
    await setLanguage('fr');
    expect(kioskWords('refusal', 'stock-short')).toMatch(/il n’en reste plus assez/);
    expect(kioskWords('refusal', 'some-new-code')).toBe(kioskWords('refusal', 'server-unreachable'));
    expect(kioskWords('delivery', 'not-delivered')).toMatch(/ne livrons pas/);
    await setLanguage('en');
    expect(kioskWords('contact', 'consent-missing')).toMatch(/agree to receive messages/);
    await setLanguage('fr');
  });
});
