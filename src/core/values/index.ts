// Small value schemas shared across the core, each defined exactly once.

export { opaqueIdSchema, staffIdSchema, storeCodeSchema, tillCodeSchema } from './identifiers';
export { compareInstants, instantSchema } from './instant';
export { isAcceptableText, type TextBounds, type TextKind, textSchema } from './text';
