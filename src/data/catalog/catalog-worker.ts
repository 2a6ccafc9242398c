import { expose, transfer } from 'comlink';
import { columnBuffers } from './catalog-columns';
import { type CatalogEngineApi, createCatalogEngine } from './catalog-engine';

// The catalog's Web Worker: reading and parsing the stored pages, building
// the columns and the name index of 100,000 to 1,000,000 products happen
// here, so the till's screen never freezes while they do. comlink turns the
// engine's methods into promises on the screen's side (catalog-engine-client.ts);
// the columns' and the name index's buffers are transferred, not copied.
const engine = createCatalogEngine();
const api: CatalogEngineApi = {
  ...engine,
  async load() {
    const loaded = await engine.load();
    return transfer(loaded, columnBuffers(loaded.columns));
  },
  async indexNames() {
    // Saved (IndexedDB copied them at put) or read back: the postings are handed over, not copied.
    const indexed = await engine.indexNames();
    const { starts, postings } = indexed.tables;
    return transfer(indexed, [starts.buffer as ArrayBuffer, postings.buffer as ArrayBuffer]);
  },
};
expose(api);
