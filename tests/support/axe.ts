import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

// Accessibility check of whatever the page shows now, with axe-core run in
// the page itself. The source goes in through the DevTools protocol
// (page.evaluate), which the apps' Content-Security-Policy does not block,
// so the apps are checked under their real CSP.

const axeSource: string = createRequire(import.meta.url)('axe-core').source;

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

/** The WCAG 2.x A and AA violations on the page, as short lines ready for an assertion message. */
export async function axeViolations(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(options: unknown): Promise<unknown> } }).axe;
    const result = (await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    })) as {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: string[] }[];
      }[];
    };
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  return (violations as AxeViolation[]).map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${v.targets.join(', ')}`,
  );
}
