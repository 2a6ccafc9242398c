import { once } from 'node:events';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Product } from '../../src/core/catalog/product';

// Products written straight into the document store with one PostgreSQL
// COPY (pg-copy-streams: COPY ... FROM STDIN from Node), as a catalog import
// would: 1,000,000 rows in one statement instead of a loop of INSERTs. The
// rows take the next sequence numbers of the products scope, whose counter
// row is locked and moved in the same transaction (as writeDocuments does),
// and one NOTIFY tells the tills.

/** COPY's text format: backslash escapes; JSON.stringify leaves no raw tab or line break. */
const copyText = (value: string): string => value.replace(/\\/g, '\\\\');

export async function copyProducts(databaseUrl: string, products: readonly Product[]): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    const counter = await client.query<{ last: string }>(
      `INSERT INTO sync_sequences (collection, scope, last) VALUES ('products', '*', 0)
       ON CONFLICT (collection, scope) DO UPDATE SET last = sync_sequences.last RETURNING last`,
    );
    const first = Number(counter.rows[0]?.last ?? 0) + 1;
    // Ids already stored would make COPY fail: an import of new products only.
    const stream = client.query(
      copyFrom('COPY sync_documents (collection, id, scope, doc, deleted, seq) FROM STDIN'),
    );
    const done = new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
    });
    let chunk = '';
    for (let i = 0; i < products.length; i++) {
      const product = products[i] as Product;
      chunk += `products\t${copyText(product.id)}\t*\t${copyText(JSON.stringify(product))}\tf\t${first + i}\n`;
      if (chunk.length > 1 << 20) {
        if (!stream.write(chunk)) await once(stream, 'drain');
        chunk = '';
      }
    }
    stream.end(chunk);
    await done;
    await client.query(`UPDATE sync_sequences SET last = $1 WHERE collection = 'products' AND scope = '*'`, [
      first + products.length - 1,
    ]);
    await client.query(`SELECT pg_notify('till_sync', $1)`, [
      JSON.stringify({ collection: 'products', scope: '*' }),
    ]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
