import type { Page } from 'playwright-core';

// The till's functions as a cashier reaches them (src/apps/cashier/TillMenu.tsx): the button in the row
// under the basket when the row's width shows it, else « Toutes les fonctions » (F1) and the entry there.

/** Runs the till function `id` (its button's test id is `till-menu-<id>`). */
export async function chooseTillFunction(page: Page, id: string): Promise<void> {
  const button = page.getByTestId(`till-menu-${id}`);
  if (await button.evaluate((element) => !(element as HTMLElement).inert)) {
    await button.click();
    return;
  }
  await page.getByTestId('till-menu-functions').click();
  await page.locator(`[data-testid=functions-list-row][data-row-id="${id}"]`).click();
}
