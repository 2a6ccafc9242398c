// The little of PouchDB's API the peer benchmark uses (pouchdb-browser ships no types).
declare module 'pouchdb-browser' {
  interface ReplicationResult {
    readonly ok: boolean;
    readonly docs_written: number;
    readonly docs_read: number;
    readonly errors: readonly unknown[];
  }
  interface ReplicateOptions {
    readonly batch_size?: number;
    readonly batches_limit?: number;
  }
  interface Replicate {
    from(source: string, options?: ReplicateOptions): Promise<ReplicationResult>;
    to(target: string, options?: ReplicateOptions): Promise<ReplicationResult>;
  }
  export default class PouchDB {
    constructor(name: string, options?: { readonly adapter?: string; readonly auto_compaction?: boolean });
    readonly adapter: string;
    readonly replicate: Replicate;
    bulkDocs(docs: readonly object[]): Promise<readonly { ok?: boolean; error?: string }[]>;
    info(): Promise<{ readonly doc_count: number }>;
    destroy(): Promise<void>;
  }
}
