import type { Page } from 'playwright-core';

// The cashier screen's layout and touch kit as the cashier meets them: the
// basket pane and its last line, the function keys and their list, toasts,
// the cash keypad. Geometry checks read the page as drawn.

/** French money formatting puts narrow and no-break spaces before "€": plain spaces read better in tests. */
const plain = (text: string | null): string => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

export class TillLayoutPage {
  constructor(readonly page: Page) {}

  /**
   * What is wrong with the screen as drawn: the page scrolls, a region
   * leaves the window or overlaps another, a target is under 44 × 44 px, a
   * word does not fit its box. Empty when all is well.
   */
  layoutProblems(): Promise<string[]> {
    return this.page.evaluate(() => {
      const problems: string[] = [];
      const name = (el: Element) =>
        `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
      const visible = (el: Element) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
      };
      const root = document.scrollingElement ?? document.documentElement;
      if (root.scrollHeight > innerHeight + 1 || root.scrollWidth > innerWidth + 1)
        problems.push(
          `the page scrolls: ${root.scrollWidth}×${root.scrollHeight} in ${innerWidth}×${innerHeight}`,
        );
      const regions = [
        '.till-header',
        '.basket',
        '.side',
        '.till-menu',
        '.status-bar',
        '.sign-in',
        '.kit-dialog[open]',
      ].flatMap((selector) => [...document.querySelectorAll(selector)].filter(visible));
      const dialogOpen = document.querySelector('dialog[open]') !== null;
      for (const region of regions) {
        const r = region.getBoundingClientRect();
        if (r.left < -1 || r.top < -1 || r.right > innerWidth + 1 || r.bottom > innerHeight + 1)
          problems.push(`${name(region)} leaves the window`);
      }
      for (let i = 0; i < regions.length; i++) {
        for (let j = i + 1; j < regions.length; j++) {
          const a = regions[i]?.getBoundingClientRect();
          const b = regions[j]?.getBoundingClientRect();
          if (!a || !b || dialogOpen) continue;
          const overlap =
            Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) *
            Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
          if (overlap > 1)
            problems.push(`${name(regions[i] as Element)} overlaps ${name(regions[j] as Element)}`);
        }
      }
      const scope = dialogOpen ? (document.querySelector('dialog[open]') as Element) : document;
      for (const target of scope.querySelectorAll('button, input, select, summary, a[href], [role=option]')) {
        if (!visible(target)) continue;
        const r = target.getBoundingClientRect();
        if (r.width < 44 - 0.5 || r.height < 44 - 0.5)
          problems.push(`${name(target)} is ${Math.round(r.width)}×${Math.round(r.height)} px`);
      }
      for (const box of scope.querySelectorAll(
        'button, h1, h2, label, strong, legend, .till-where, .line-name, .line-quantity, .line-amount, .kit-toast-message, .chip',
      )) {
        if (!visible(box) || getComputedStyle(box).display === 'inline') continue;
        if (box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1)
          problems.push(`${name(box)} does not fit its box`);
      }
      return problems;
    });
  }

  /** The highlighted last line of the basket, and whether all of it is inside the basket's pane and the window. */
  lastLine(): Promise<{ name: string; inView: boolean; count: number } | undefined> {
    return this.page.evaluate(() => {
      const last = document.querySelectorAll('[data-testid=cart-line][data-last=true]');
      const line = last[0];
      const pane = line?.closest('.cart-pane');
      if (!line || !pane) return undefined;
      const r = line.getBoundingClientRect();
      const p = pane.getBoundingClientRect();
      const inView = r.top >= p.top - 1 && r.bottom <= p.bottom + 1 && r.top >= 0 && r.bottom <= innerHeight;
      return { name: line.querySelector('.line-name')?.textContent ?? '', inView, count: last.length };
    });
  }

  /** Whether the basket's pane scrolls inside itself (more lines than it shows). */
  basketScrolls(): Promise<boolean> {
    return this.page.evaluate(() => {
      const pane = document.querySelector('.cart-pane');
      return pane !== null && pane.scrollHeight > pane.clientHeight;
    });
  }

  async pressKey(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  /** Keys typed at a person's pace: faster, the keyboard-wedge listener takes them for a scanner's burst. */
  async typeAsPerson(text: string): Promise<void> {
    await this.page.keyboard.type(text, { delay: 120 });
  }

  /**
   * The function row as the cashier sees it: the buttons it shows, whether each is whole inside the row,
   * and the ids of the usable ones the row's width left out (inert, out of the Tab order).
   */
  menuRow(): Promise<{ shown: string[]; allWhole: boolean; leftOut: string[] }> {
    return this.page.getByTestId('till-menu').evaluate((nav) => {
      const box = nav.getBoundingClientRect();
      const buttons = [...nav.querySelectorAll<HTMLButtonElement>(':scope > button')];
      const shown = buttons.filter((button) => !button.inert);
      const whole = (button: Element) => {
        const r = button.getBoundingClientRect();
        return r.left >= box.left && r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom;
      };
      return {
        shown: shown.map((button) => button.dataset.testid?.replace('till-menu-', '') ?? ''),
        allWhole: shown.every(whole),
        leftOut: buttons
          .filter((button) => button.inert && !button.disabled)
          .map((b) => b.dataset.testid?.replace('till-menu-', '') ?? ''),
      };
    });
  }

  /** The ids of the entries « Toutes les fonctions » lists. */
  functionIds(): Promise<string[]> {
    return this.page
      .locator('[data-testid=functions-list-row]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-row-id') ?? ''));
  }

  menuButtons(): Promise<string[]> {
    return this.page.getByTestId('till-menu').getByRole('button').allTextContents();
  }

  functionsDialog() {
    return this.page.getByRole('dialog', { name: 'Toutes les fonctions' });
  }

  async openFunctionsWithF1(): Promise<void> {
    await this.page.keyboard.press('F1');
    await this.functionsDialog().waitFor();
  }

  /** The element that has the focus: its test id, or its tag and role. */
  focused(): Promise<string> {
    return this.page.evaluate(() => {
      const el = document.activeElement;
      if (!el) return 'nothing';
      return el.getAttribute('data-testid') ?? `${el.tagName.toLowerCase()}[role=${el.getAttribute('role')}]`;
    });
  }

  focusIsInDialog(): Promise<boolean> {
    return this.page.evaluate(() => document.activeElement?.closest('dialog[open]') != null);
  }

  selectedFunction(): Promise<string> {
    return this.page
      .getByTestId('functions-list')
      .locator('[aria-selected=true]')
      .textContent()
      .then((text) => text ?? '');
  }

  async toasts(): Promise<{ kind: string; text: string }[]> {
    return this.page.getByTestId('toast').evaluateAll((toasts) =>
      toasts.map((toast) => ({
        kind: toast.getAttribute('data-kind') ?? '',
        text: (toast.querySelector('.kit-toast-message')?.textContent ?? '').replace(/[\u00a0\u202f]/g, ' '),
      })),
    );
  }

  async toastRegion(text: string): Promise<string | null> {
    return this.page
      .getByTestId('toast')
      .filter({ hasText: text })
      .evaluate((toast) => toast.parentElement?.getAttribute('role') ?? null);
  }

  /** The cash quick buttons' words: the exact amount, then the notes. */
  async quickButtons(): Promise<string[]> {
    return (await this.page.locator('.kit-amount-quick button').allTextContents()).map(plain);
  }

  async dismissToast(text: string): Promise<void> {
    await this.page.getByTestId('toast').filter({ hasText: text }).getByTestId('toast-dismiss').click();
  }

  /** Touches the cash keypad's keys ("2", "00", "backspace", "clear"). */
  async touchCashKeys(...keys: string[]): Promise<void> {
    for (const key of keys) await this.page.getByTestId(`cash-given-pad-key-${key}`).click();
  }

  async cashShown(): Promise<string> {
    return plain(await this.page.getByTestId('cash-given').inputValue());
  }

  async touchCashEnter(): Promise<void> {
    await this.page.getByTestId('cash-given-pad-enter').click();
  }

  async changeDue(): Promise<string> {
    return plain(await this.page.getByTestId('change-due').textContent());
  }
}
