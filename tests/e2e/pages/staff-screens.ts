import type { Page } from 'playwright-core';

// Screenshots of the staff-access screens (sign-in, lock, approvals, no-sale)
// at both till sizes, named docs/screens/cashier-approvals-<state>-<w>x<h>.png,
// written only when TILL_SCREENSHOTS names the folder.

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1920, height: 1080 },
] as const;

export async function saveScreens(page: Page, dir: string | undefined, state: string): Promise<void> {
  if (!dir) return;
  const original = page.viewportSize();
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${dir}/cashier-approvals-${state}-${size.width}x${size.height}.png` });
  }
  if (original) await page.setViewportSize(original);
}
