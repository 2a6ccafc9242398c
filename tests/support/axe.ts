import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** axe-core's findings on the page as it is now: "rule: target" lines, empty when clean. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated over the DevTools protocol: the till's CSP forbids inline scripts, rightly.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${axe.source}\n;true`);
  const results = await page.evaluate(async () => {
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    const found = await run(document, { resultTypes: ['violations'] });
    return found.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  return results.map((v) => `${v.id} (${v.impact}): ${v.targets.join(', ')}`);
}
