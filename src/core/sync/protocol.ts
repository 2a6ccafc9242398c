// Constants of the sync wire protocol (docs/sync-protocol.md). Changing any
// of them in an incompatible way means a new protocol version.

export const SYNC_PROTOCOL_VERSION = 1;
export const PROTOCOL_HEADER = 'x-till-protocol';

export const MAX_PUSH_ROWS = 1000;
export const MAX_PULL_LIMIT = 5000;
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** Journal upload (docs/sync-protocol.md, 6.1): entries per request, and the body's size once decompressed. */
export const MAX_UPLOAD_ENTRIES = 1000;
export const MAX_UPLOAD_BYTES = 16 * 1024 * 1024;

/** Access tokens are short so a revoked till loses access quickly. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
