// The software that made the receipt, printed on every receipt (NF525 asks
// for the name and version of the certified software). The version must
// follow package.json: a unit test compares them.

export const TILL_SOFTWARE = { name: 'Store Till', version: '0.1.0' } as const;
