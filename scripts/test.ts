// `npm test`: the whole suite, the same on a laptop, on CI and on a fresh
// Debian machine. System packages first, then static checks (typecheck,
// lint, layer boundaries), then the build the tests run against, then the
// unit, integration and end-to-end tests. Ends with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { ensureSystemPackages } from './system-deps';

interface Step {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
}

const STATIC_CHECKS: readonly Step[] = [
  { name: 'typecheck', command: 'npx', args: ['tsc', '-b'] },
  { name: 'lint', command: 'npx', args: ['biome', 'ci', '.'] },
  { name: 'boundaries', command: 'npm', args: ['run', '--silent', 'boundaries'] },
];
const BUILD: Step = { name: 'build', command: 'npm', args: ['run', '--silent', 'build'] };
const REPORT = 'tests/.artifacts/vitest-report.json';

function run(step: Step): boolean {
  console.log(`\n=== ${step.name}: ${step.command} ${step.args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(step.command, [...step.args], { stdio: 'inherit' });
  const ok = result.status === 0;
  console.log(`=== ${step.name}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

function main(): number {
  try {
    ensureSystemPackages();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  }
  const failedSteps = STATIC_CHECKS.filter((step) => !run(step)).map((step) => step.name);
  if (!run(BUILD)) {
    console.log('\nbuild failed: tests not run');
    console.log('0 passed, 1 failed');
    return 1;
  }
  mkdirSync('tests/.artifacts', { recursive: true });
  const testsOk = run({
    name: 'tests',
    command: 'npx',
    args: ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${REPORT}`],
  });
  if (!testsOk) failedSteps.push('tests');

  let passed = 0;
  let failed = 0;
  let skipped = 0;
  try {
    const report = JSON.parse(readFileSync(REPORT, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
    };
    passed = report.numPassedTests;
    failed = report.numFailedTests;
    skipped = report.numPendingTests + report.numTodoTests;
  } catch {
    failed = Math.max(failed, 1);
  }
  // Static check failures count as failures so the closing line never hides them.
  const checkFailures = failedSteps.filter((name) => name !== 'tests').length;
  console.log(failedSteps.length ? `\nfailed steps: ${failedSteps.join(', ')}` : '\nall steps passed');
  console.log(`${passed} passed, ${failed + checkFailures} failed, ${skipped} skipped`);
  return failedSteps.length === 0 && failed === 0 ? 0 : 1;
}

process.exit(main());
