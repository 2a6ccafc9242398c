import { describe, expect, it } from 'vitest';
import { exitAnswerText } from './exit-answer-text';

describe('exitAnswerText', () => {
  it('says how long a locked exit stays locked, in whole seconds rounded up', () => {
    expect(exitAnswerText({ ok: false, reason: 'locked', retryAfterMs: 29_001 })).toBe(
      'Trop d’essais : réessayez dans 30 s',
    );
  });

  it('names a wrong PIN and an accepted one', () => {
    expect(exitAnswerText({ ok: false, reason: 'wrong-pin' })).toBe('Code PIN incorrect');
    expect(exitAnswerText({ ok: true })).toMatch(/fermeture/);
  });
});
