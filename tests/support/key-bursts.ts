import type { CDPSession, Page } from 'playwright-core';

// Real key events, as a keyboard-wedge scanner sends them: Chromium's input
// pipeline (trusted events, default actions, text insertion) with the
// physical `code` set. `key` is what the OS layout shows; passing AZERTY keys
// with digit-row codes reproduces a US-set scanner on a French keyboard.

export interface PhysicalKey {
  readonly code: string;
  readonly key: string;
}

/** The US digit row and letters as a US-layout scanner presses them. */
export function usKeys(text: string): PhysicalKey[] {
  return [...text].map((char) => {
    if (/[0-9]/.test(char)) return { code: `Digit${char}`, key: char };
    if (/[a-zA-Z]/.test(char)) return { code: `Key${char.toUpperCase()}`, key: char };
    throw new Error(`usKeys: no key for ${char}`);
  });
}

/** What a French AZERTY layout types for the unshifted digit row (0-9). */
const AZERTY_DIGIT_ROW = ['à', '&', 'é', '"', "'", '(', '-', 'è', '_', 'ç'];

/** Digits pressed by a US-set scanner on a till whose OS layout is French AZERTY. */
export function azertyDigitRow(digits: string): PhysicalKey[] {
  return [...digits].map((d) => ({ code: `Digit${d}`, key: AZERTY_DIGIT_ROW[Number(d)] ?? d }));
}

const ENTER: PhysicalKey = { code: 'Enter', key: 'Enter' };

/** The Windows virtual key code Chromium wants for Enter to submit forms; other keys go by `code`. */
function keyDown({ code, key }: PhysicalKey) {
  const text = key === 'Enter' ? '\r' : key;
  const digit = /^Digit([0-9])$/.exec(code)?.[1];
  const letter = /^Key([A-Z])$/.exec(code)?.[1];
  const windowsVirtualKeyCode =
    key === 'Enter' ? 13 : digit ? digit.charCodeAt(0) : letter ? letter.charCodeAt(0) : undefined;
  return {
    type: 'keyDown' as const,
    code,
    key,
    text,
    unmodifiedText: text,
    ...(windowsVirtualKeyCode === undefined ? {} : { windowsVirtualKeyCode }),
  };
}

async function session(page: Page): Promise<CDPSession> {
  return page.context().newCDPSession(page);
}

/**
 * Sends the keys (and Enter) all at once, as a scanner does: every command is
 * issued before the first is answered, so the browser queues them back to back.
 */
export async function scannerBurst(page: Page, keys: readonly PhysicalKey[]): Promise<void> {
  const cdp = await session(page);
  const sends: Promise<unknown>[] = [];
  for (const physical of [...keys, ENTER]) {
    sends.push(cdp.send('Input.dispatchKeyEvent', keyDown(physical)));
    sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', code: physical.code, key: physical.key }));
  }
  await Promise.all(sends);
  await cdp.detach();
}

/** A person typing: one key at a time, `delayMs` apart (awaited, so never faster). */
export async function humanTyping(page: Page, keys: readonly PhysicalKey[], delayMs: number): Promise<void> {
  const cdp = await session(page);
  for (const physical of keys) {
    await cdp.send('Input.dispatchKeyEvent', keyDown(physical));
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', code: physical.code, key: physical.key });
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
  await cdp.detach();
}
