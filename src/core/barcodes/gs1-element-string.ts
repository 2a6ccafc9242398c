import { err, ok, type Result } from '../result';
import { type AiDefinition, checkAiValue, matchApplicationIdentifier } from './gs1-application-identifiers';
import type { ScanError } from './scan';

// A GS1 element string is AI + data, AI + data, ... Fixed-length elements
// end by themselves; a variable-length one ends at a GS (0x1D, the FNC1
// separator) or at the end of the data. Keyboard-wedge scanners drop the GS,
// so a string without any GS may hide element boundaries inside a
// variable-length value. Policy (`gs1Ambiguity`):
// - 'greedy': read it as if separators were sent: every variable-length
//   element runs to the end of the data.
// - 'reject': list every way the string splits into valid elements (known AI,
//   right length, valid data, no AI twice). Exactly one: accepted. None: the
//   greedy reading's error. Several: `ambiguous-element-string`.
// A string containing at least one GS is always read the deterministic way.

export const GROUP_SEPARATOR = '\u001d';

export interface ParsedElement {
  readonly ai: string;
  readonly value: string;
  readonly definition: AiDefinition;
  /** Where the AI starts, in the caller's coordinates (see `offset`). */
  readonly position: number;
}

export interface ElementStringOptions {
  readonly ambiguity: 'reject' | 'greedy';
  /** Added to every position, so errors point into the caller's whole input. */
  readonly offset: number;
  /** Bound on the search for readings of a separator-less string; defaults to MAX_SEARCH_STEPS. */
  readonly maxSearchSteps?: number;
}

// Enough for every real label (a handful of elements); only hostile or
// garbled input needs more, and it is then reported as ambiguous.
export const MAX_SEARCH_STEPS = 5000;

export function parseGs1ElementString(
  data: string,
  options: ElementStringOptions,
): Result<readonly ParsedElement[], ScanError> {
  let skipped = 0;
  while (data.charAt(skipped) === GROUP_SEPARATOR) skipped += 1;
  const body = data.slice(skipped);
  const offset = options.offset + skipped;
  if (body === '') {
    return err({ code: 'unknown-ai', message: 'GS1 code without any element', position: offset });
  }
  if (options.ambiguity === 'greedy' || body.includes(GROUP_SEPARATOR)) {
    return readDeterministically(body, offset);
  }
  const search = listReadings(body, offset, options.maxSearchSteps ?? MAX_SEARCH_STEPS);
  const [first, second] = search.readings;
  if (search.exhausted) {
    return err({
      code: 'ambiguous-element-string',
      message: 'GS1 code without separators has too many possible readings',
      position: offset,
    });
  }
  if (first && second) {
    const position = firstDifference(first, second) ?? offset;
    return err({
      code: 'ambiguous-element-string',
      message:
        'GS1 code without separators can be read several ways; the scanner must send GS (0x1D) or a configured alias',
      position,
    });
  }
  return first ? ok(first) : readDeterministically(body, offset);
}

function readDeterministically(body: string, offset: number): Result<readonly ParsedElement[], ScanError> {
  const elements: ParsedElement[] = [];
  let at = 0;
  while (at < body.length) {
    if (body.charAt(at) === GROUP_SEPARATOR) {
      at += 1; // A GS after a fixed-length element, or doubled, is harmless.
      continue;
    }
    const position = offset + at;
    const definition = matchApplicationIdentifier(body, at);
    if (!definition) {
      return err({
        code: 'unknown-ai',
        message: `unknown GS1 application identifier at ${position}`,
        position,
      });
    }
    const { ai } = definition;
    const valueStart = at + ai.length;
    const nextSeparator = body.indexOf(GROUP_SEPARATOR, valueStart);
    const stop = nextSeparator < 0 ? body.length : nextSeparator;
    const end = 'fixed' in definition.length ? valueStart + definition.length.fixed : stop;
    const length = end - valueStart;
    if (end > stop || ('min' in definition.length && length < definition.length.min)) {
      return err({ code: 'truncated-element', message: `GS1 element (${ai}) is cut short`, position, ai });
    }
    if ('max' in definition.length && length > definition.length.max) {
      return err({
        code: 'element-too-long',
        message: `GS1 element (${ai}) is longer than ${definition.length.max} characters; a separator may be missing`,
        position,
        ai,
      });
    }
    const value = body.slice(valueStart, end);
    const problem = checkAiValue(definition, value);
    if (problem === 'bad-check-digit') {
      return err({
        code: 'bad-check-digit',
        message: `GS1 element (${ai}) has a wrong check digit`,
        position: offset + end - 1,
      });
    }
    if (problem === 'invalid-element-value') {
      return err({
        code: 'invalid-element-value',
        message: `GS1 element (${ai}) has invalid data`,
        position,
        ai,
      });
    }
    if (elements.some((e) => sameQuantity(e.definition, definition))) {
      return err({ code: 'duplicate-ai', message: `GS1 element (${ai}) appears twice`, position, ai });
    }
    elements.push({ ai, value, definition, position });
    at = end;
  }
  return ok(elements);
}

/** 3102 and 3103 say the same thing with other decimals, so they count as one AI. */
function sameQuantity(a: AiDefinition, b: AiDefinition): boolean {
  const key = (d: AiDefinition) => (d.decimals === undefined ? d.ai : d.ai.slice(0, 3));
  return key(a) === key(b);
}

interface ReadingSearch {
  readonly readings: readonly (readonly ParsedElement[])[];
  readonly exhausted: boolean;
}

/** Up to two complete valid readings of a separator-less element string, longest values first. */
function listReadings(body: string, offset: number, maxSteps: number): ReadingSearch {
  const readings: ParsedElement[][] = [];
  let steps = 0;
  let exhausted = false;

  const explore = (at: number, path: ParsedElement[]): void => {
    if (readings.length >= 2 || exhausted) return;
    steps += 1;
    if (steps > maxSteps) {
      exhausted = true;
      return;
    }
    if (at === body.length) {
      readings.push([...path]);
      return;
    }
    const definition = matchApplicationIdentifier(body, at);
    if (!definition || path.some((e) => sameQuantity(e.definition, definition))) return;
    const valueStart = at + definition.ai.length;
    for (const end of candidateEnds(definition, valueStart, body.length)) {
      const value = body.slice(valueStart, end);
      if (checkAiValue(definition, value) !== null) continue;
      path.push({ ai: definition.ai, value, definition, position: offset + at });
      explore(end, path);
      path.pop();
    }
  };

  explore(0, []);
  return { readings, exhausted };
}

function candidateEnds(definition: AiDefinition, valueStart: number, dataLength: number): number[] {
  if ('fixed' in definition.length) {
    const end = valueStart + definition.length.fixed;
    return end <= dataLength ? [end] : [];
  }
  const ends: number[] = [];
  const longest = Math.min(dataLength, valueStart + definition.length.max);
  for (let end = longest; end >= valueStart + definition.length.min; end--) ends.push(end);
  return ends;
}

/** Where two readings first part: the AI whose value differs. */
function firstDifference(a: readonly ParsedElement[], b: readonly ParsedElement[]): number | undefined {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (!x || !y || x.ai !== y.ai || x.value !== y.value) return x?.position;
  }
  return undefined;
}
