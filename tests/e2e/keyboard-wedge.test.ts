import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { azertyDigitRow, humanTyping, scannerBurst, usKeys } from '../support/key-bursts';

// The keyboard-wedge listener in real Chromium, with trusted key events that
// carry physical codes: a scanner burst becomes one scan and never lands in
// the focused field; a person typing the same digits gets them in the field.
describe('keyboard-wedge scanner in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let listener: string;

  beforeAll(async () => {
    const bundle = await build({
      entryPoints: ['src/platform/keyboard-wedge-listener.ts'],
      bundle: true,
      format: 'iife',
      globalName: 'wedge',
      write: false,
      target: 'chrome120',
    });
    listener = bundle.outputFiles[0]?.text ?? '';
    browser = await launchChromium();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    await page.setContent(`<!doctype html>
      <form id="form"><input id="field" autocomplete="off" /><button id="button" type="button">OK</button></form>
      <script>${listener}</script>
      <script>
        window.scans = [];
        window.submits = 0;
        document.getElementById('form').addEventListener('submit', (e) => { e.preventDefault(); window.submits++; });
        wedge.listenForKeyboardWedge((scan) => window.scans.push(scan));
      </script>`);
    await page.focus('#field');
  });

  const scans = () => page.evaluate(() => (window as unknown as { scans: { data: string }[] }).scans);
  const field = () => page.inputValue('#field');

  it('a scanner burst is one scan; the focused field stays empty and the form is not submitted', async () => {
    await scannerBurst(page, usKeys('3017620422003'));
    await expect
      .poll(scans)
      .toEqual([{ deviceId: 'keyboard-wedge', source: 'keyboard-wedge', data: '3017620422003' }]);
    expect(await field()).toBe('');
    expect(await page.evaluate(() => (window as unknown as { submits: number }).submits)).toBe(0);
  });

  it('a US-set scanner on a French AZERTY layout still gives digits, not & é " \' (', async () => {
    await scannerBurst(page, azertyDigitRow('3017620422003'));
    await expect.poll(scans).toEqual([expect.objectContaining({ data: '3017620422003' })]);
    expect(await field()).toBe('');
  });

  it('a person typing the same digits gets them in the field and no scan happens', async () => {
    await humanTyping(page, usKeys('96385074'), 120);
    await expect.poll(field).toBe('96385074');
    await humanTyping(page, [{ code: 'Enter', key: 'Enter' }], 0);
    await expect.poll(() => page.evaluate(() => (window as unknown as { submits: number }).submits)).toBe(1);
    expect(await scans()).toEqual([]);
  });

  it('a person typing on AZERTY gets what the layout shows', async () => {
    await humanTyping(page, azertyDigitRow('123'), 120);
    await expect.poll(field).toBe('&é"');
    expect(await scans()).toEqual([]);
  });

  it('scans while a button has focus too, without pressing it', async () => {
    await page.evaluate(() => {
      (window as unknown as { clicks: number }).clicks = 0;
      document.getElementById('button')?.addEventListener('click', () => {
        (window as unknown as { clicks: number }).clicks++;
      });
    });
    await page.focus('#button');
    await scannerBurst(page, usKeys('96385074'));
    await expect.poll(scans).toEqual([expect.objectContaining({ data: '96385074' })]);
    expect(await page.evaluate(() => (window as unknown as { clicks: number }).clicks)).toBe(0);
  });
});
