import { createScratchDatabase } from '../tests/support/postgres';
import { generateLargeCatalog } from './lib/catalog';
import { buildServer, enrolNodeTill, seedProducts, startBenchServer } from './lib/server';

await buildServer();
const scratch = await createScratchDatabase('probe');
const server = await startBenchServer(scratch.url);
try {
  await seedProducts(scratch.url, generateLargeCatalog(100_000));
  const till = await enrolNodeTill(server.url, 'PAR01', '09');
  console.log(Object.keys(till));
  const headers = {
    'x-till-protocol': '1',
    authorization: `Bearer ${(till as { accessToken: string }).accessToken}`,
    'accept-encoding': 'gzip',
  };
  let t = performance.now();
  const m = await (await fetch(`${server.url}/sync/v1/catalog/snapshot`, { headers })).json();
  console.log('manifest ms', performance.now() - t, m.pages.length);
  for (const conc of [1, 4]) {
    t = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: conc }, async () => {
        while (next < m.pages.length) {
          const p = m.pages[next++];
          await (
            await fetch(`${server.url}/sync/v1/catalog/pages?after=${p.after}&upTo=${p.upTo}`, { headers })
          ).text();
        }
      }),
    );
    console.log('conc', conc, 'ms per page', (performance.now() - t) / m.pages.length);
  }
} finally {
  await server.stop();
  await scratch.drop();
}
