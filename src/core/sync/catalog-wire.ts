import { z } from 'zod';

// The catalog's snapshot on the wire (docs/sync-protocol.md, section 5.2): a
// manifest naming the pages of one snapshot, then each page on its own, so a
// till stores it as one record and a first sync cut short fetches only the
// pages it lacks. Changes after the snapshot come through the products pull.

export const MAX_CATALOG_PAGE_SIZE = 5_000;

/** `auto` (the default): the server chooses the pages' sizes from the catalog's (small ones first and last). */
export const AUTO_PAGE_SIZE = 'auto';

export const catalogManifestQuerySchema = z.strictObject({
  pageSize: z
    .union([z.literal(AUTO_PAGE_SIZE), z.coerce.number().int().min(100).max(MAX_CATALOG_PAGE_SIZE)])
    .default(AUTO_PAGE_SIZE),
});

/** One page of a snapshot: the live products with `after < seq <= upTo`. */
export const catalogPageRangeSchema = z.strictObject({
  after: z.coerce.number().int().min(0),
  upTo: z.coerce.number().int().min(0),
});
export type CatalogPageRange = z.infer<typeof catalogPageRangeSchema>;

export const catalogManifestSchema = z.strictObject({
  /** The snapshot's checkpoint: pull `products` from here once every page is stored. */
  upTo: z.number().int().min(0),
  pageSize: z.number().int().min(1),
  /** Live products in the snapshot. */
  total: z.number().int().min(0),
  pages: z.array(catalogPageRangeSchema.extend({ count: z.number().int().min(0) })),
});
export type CatalogManifest = z.infer<typeof catalogManifestSchema>;
