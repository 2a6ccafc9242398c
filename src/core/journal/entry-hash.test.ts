import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { appendEntry } from './append-entry';
import { canonicalJson } from './canonical-json';
import { computeEntryHash, hashedMaterialOf, sha256Hex } from './entry-hash';
import { verifyContinuation } from './verify-chain';

// Golden values: written out by hand so that a change to the encoding, the
// hash rule or the envelope shows up here as a diff, not as a silent new
// format. The hash was also checked with coreutils `sha256sum`, and is checked
// below against node:crypto so @noble/hashes is not its own witness.

const GOLDEN_CANONICAL =
  '{"id":"01964f3e-8c2a-7b3d-9e41-2f6a8c0d1e57","kind":"cash.movement","payload":{"amount":{"currency":"EUR","minor":1250},' +
  '"reason":"Nettoyage vitrine — Société Éclat","staffId":"staff-0042","type":"paid-out"},' +
  '"prevHash":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","recordedAt":"2025-04-18T17:42:05.120+02:00",' +
  '"sequence":42,"storeCode":"PAR01","tillCode":"03","tillId":"till-7f3a"}';
const GOLDEN_HASH = '5203664724f98df1b0860109f16adf1c11ed92f64d7e3df22f1ce0d5e531565c';
const PREVIOUS = { sequence: 41, hash: 'a'.repeat(64) };
const TILL = { storeCode: 'PAR01', tillCode: '03', tillId: 'till-7f3a' };

function sealGolden() {
  const appended = appendEntry(
    PREVIOUS,
    {
      kind: 'cash.movement',
      id: '01964f3e-8c2a-7b3d-9e41-2f6a8c0d1e57',
      recordedAt: '2025-04-18T17:42:05.120+02:00',
      payload: {
        type: 'paid-out',
        amount: { minor: 1250, currency: 'EUR' },
        staffId: 'staff-0042',
        reason: 'Nettoyage vitrine — Société Éclat',
      },
    },
    TILL,
  );
  if (!appended.ok) throw new Error(JSON.stringify(appended.error));
  return appended.value.entry;
}

describe('entry hash (golden)', () => {
  it('node:crypto agrees with the written-out hash of the written-out canonical text', () => {
    expect(createHash('sha256').update(GOLDEN_CANONICAL, 'utf8').digest('hex')).toBe(GOLDEN_HASH);
  });

  it('@noble/hashes agrees with node:crypto, including on the standard "abc" vector', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(GOLDEN_CANONICAL)).toBe(GOLDEN_HASH);
  });

  it('a sealed entry encodes to exactly the golden text and carries the golden hash', () => {
    const entry = sealGolden();
    expect(canonicalJson(hashedMaterialOf(entry))).toEqual({ ok: true, value: GOLDEN_CANONICAL });
    expect(entry.hash).toBe(GOLDEN_HASH);
    expect(computeEntryHash(JSON.parse(GOLDEN_CANONICAL))).toEqual({ ok: true, value: GOLDEN_HASH });
  });

  it('the golden entry verifies as the continuation of its predecessor', () => {
    const verified = verifyContinuation(PREVIOUS, [sealGolden()], TILL);
    expect(verified).toMatchObject({ ok: true, head: { sequence: 42, hash: GOLDEN_HASH } });
  });

  it('the hashed material is every member except hash, keeping an own "__proto__" member (to be refused)', () => {
    const stored: unknown = JSON.parse('{"hash":"x","__proto__":{"a":1},"b":2}');
    const material = typeof stored === 'object' && stored !== null ? hashedMaterialOf(stored) : {};
    expect(Object.keys(material)).toEqual(['__proto__', 'b']);
    expect(canonicalJson(material)).toMatchObject({ ok: false, error: { reason: 'reserved-member-name' } });
  });
});
