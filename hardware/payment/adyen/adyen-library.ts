import * as namespace from '@adyen/api-library';

// @adyen/api-library is CommonJS marked __esModule without a default export.
// Node's ESM loader (the agent bundle, vitest) shows it as a default export
// only; a bundle emitted as CommonJS (Electron) gets the exports object
// itself. This picks whichever holds the library.
type Library = typeof namespace;
const viaDefault = (namespace as unknown as { default?: Library }).default;

export const adyen: Library = viaDefault?.Client ? viaDefault : namespace;
