// `npx tsx bench/store-sales-feed.ts`: the store sales feed's size alone (also
// part of `npm run bench`, suite "returns"). Prints the figures; writes nothing.
import { describeMetric } from './lib/metrics';
import { runStoreSalesFeed } from './suites/store-sales-feed';

const result = await runStoreSalesFeed();
for (const metric of result.metrics) console.log(describeMetric(metric));
for (const note of result.notes) console.log(`  ${note}`);
