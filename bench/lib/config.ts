// Sizes of one bench run. `npm run bench` uses the full sizes of issue 4;
// BENCH_* variables shrink them for development (2-core machine shared with
// others), and such a run writes bench/results/latest.tmp.json instead, with
// metric names that say the size actually measured.

const FULL = {
  products: 100_000,
  sales: 10_000,
  lookups: 2_000,
  tills: 500,
  salesPerSecond: 200,
  pushSeconds: 30,
} as const;

export type BenchSizes = { -readonly [K in keyof typeof FULL]: number };

function sizeFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive integer (got "${raw}")`);
  return value;
}

export function benchSizes(): BenchSizes {
  return {
    products: sizeFromEnv('BENCH_PRODUCTS', FULL.products),
    sales: sizeFromEnv('BENCH_SALES', FULL.sales),
    lookups: sizeFromEnv('BENCH_LOOKUPS', FULL.lookups),
    tills: sizeFromEnv('BENCH_TILLS', FULL.tills),
    salesPerSecond: sizeFromEnv('BENCH_SALES_PER_SECOND', FULL.salesPerSecond),
    pushSeconds: sizeFromEnv('BENCH_PUSH_SECONDS', FULL.pushSeconds),
  };
}

export const isFullSize = (sizes: BenchSizes): boolean =>
  (Object.keys(FULL) as (keyof typeof FULL)[]).every((key) => sizes[key] === FULL[key]);

/** 1000000 -> "1m", 100000 -> "100k", 10000 -> "10k", 500 -> "500". */
export const countLabel = (n: number): string =>
  n >= 1_000_000 && n % 1_000_000 === 0
    ? `${n / 1_000_000}m`
    : n >= 1000 && n % 1000 === 0
      ? `${n / 1000}k`
      : String(n);

/** Suites to run: BENCH_ONLY=till,catalog,pouchdb,tills,ui,kiosk (default: all). */
export function selectedSuites(): Set<string> {
  const raw = process.env.BENCH_ONLY;
  return new Set(
    (raw ? raw.split(',') : ['core', 'returns', 'till', 'catalog', 'pouchdb', 'tills', 'ui', 'kiosk']).map(
      (s) => s.trim(),
    ),
  );
}
