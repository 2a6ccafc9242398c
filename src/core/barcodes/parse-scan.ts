import { err, ok, type Result } from '../result';
import { AIM_LENGTH, hasAimPrefix, type SymbologyHint, symbologyHint } from './aim';
import { GROUP_SEPARATOR, parseGs1ElementString } from './gs1-element-string';
import { gs1ScanFromElements } from './gs1-scan';
import { looksLikeProjectCode, parseProjectCode } from './project-codes';
import { readRetailCode } from './retail-code';
import type { RetailFormat, Scan, ScanError } from './scan';
import type { ScanConfig } from './scan-config';

// The one entry point for whatever a scanner (or a cashier typing) sends.
// Every input ends as a Scan or a typed ScanError; nothing throws.

/** Far above any real symbol's data (a full GS1 DataMatrix label is ~100 characters). */
export const MAX_SCAN_LENGTH = 512;

interface Context {
  readonly raw: string;
  readonly aim: string | null;
  /** Where `data` starts in `raw`. */
  readonly offset: number;
  readonly config: ScanConfig;
}

export function parseScan(raw: string, config: ScanConfig): Result<Scan, ScanError> {
  // Capped before anything else, so no later step ever sees a huge string.
  if (raw.length > MAX_SCAN_LENGTH) {
    return err({
      code: 'too-long',
      message: `scan of ${raw.length} characters, at most ${MAX_SCAN_LENGTH} accepted`,
      length: raw.length,
      maxLength: MAX_SCAN_LENGTH,
    });
  }
  const input = raw.replace(/^[\r\n\t]+|[\r\n\t]+$/g, '');
  if (input === '') return err({ code: 'empty', message: 'empty scan' });
  const invalid = findInvalidCharacter(input);
  if (invalid) return err(invalid);

  if (!hasAimPrefix(input)) return parseUnprefixed(input, { raw: input, aim: null, offset: 0, config });
  const aim = input.slice(0, AIM_LENGTH);
  if (aim.length < AIM_LENGTH) {
    return err({ code: 'unsupported-symbology', message: `incomplete symbology identifier "${aim}"`, aim });
  }
  const data = input.slice(AIM_LENGTH);
  if (data === '') return err({ code: 'empty', message: `symbology identifier ${aim} without data` });
  return parseWithHint(symbologyHint(aim), data, { raw: input, aim, offset: AIM_LENGTH, config });
}

/** Printable ASCII and GS only: every symbol we read encodes nothing else. */
function findInvalidCharacter(input: string): ScanError | null {
  for (let i = 0; i < input.length; i++) {
    const unit = input.charCodeAt(i);
    if ((unit >= 0x20 && unit <= 0x7e) || unit === 0x1d) continue;
    const codePoint = input.codePointAt(i) ?? unit;
    // A scanner typing digits with a QWERTY keymap on a French AZERTY keyboard
    // sends the unshifted digit row: & é " ' ( - è _ ç à.
    const azerty = /[éèçà]/.test(input.charAt(i));
    return {
      code: 'invalid-characters',
      message: azerty
        ? `character "${input.charAt(i)}" at ${i}: the scanner's keyboard layout does not match (AZERTY?)`
        : `character U+${codePoint.toString(16).toUpperCase().padStart(4, '0')} at ${i} cannot be in a barcode`,
      position: i,
      codePoint,
    };
  }
  return null;
}

function withSeparators(data: string, config: ScanConfig): string {
  let normalised = data;
  for (const alias of config.gs1SeparatorAliases) {
    if (alias.length === 1) normalised = normalised.split(alias).join(GROUP_SEPARATOR);
  }
  return normalised;
}

function parseUnprefixed(input: string, context: Context): Result<Scan, ScanError> {
  const data = withSeparators(input, context.config);
  // Some scanners send the leading FNC1 of a GS1 symbol as a GS.
  if (data.startsWith(GROUP_SEPARATOR)) return parseGs1(data, context);
  if (looksLikeProjectCode(data)) return parseTillCode(data, context);
  if (/^\d+$/.test(data)) {
    const format = retailFormatOfLength(data.length, context.config);
    if (format) return readRetailCode(data, format, context.config, context);
  }
  // Without AIM prefix, only a string that contains a separator or starts
  // like a GS1 label (SSCC or GTIN element) is taken for GS1: read leniently,
  // a mistyped EAN such as "301762042200a" would parse as AI 30 and friends.
  if (data.includes(GROUP_SEPARATOR) || /^(00\d{18}|0[12]\d{14})/.test(data)) return parseGs1(data, context);
  return unknownFormat('not a product barcode, GS1 code or till code');
}

function retailFormatOfLength(length: number, config: ScanConfig): RetailFormat | null {
  if (length === 13) return 'ean13';
  if (length === 12) return 'upca';
  if (length === 8) return config.bareEightDigits;
  return null;
}

function parseWithHint(hint: SymbologyHint, data: string, context: Context): Result<Scan, ScanError> {
  const { aim, config } = context;
  const digits = /^\d+$/.test(data);
  switch (hint) {
    case 'ean-upc': {
      const format = data.length === 13 ? 'ean13' : data.length === 12 ? 'upca' : 'upce';
      if (!digits || ![8, 12, 13].includes(data.length)) {
        return unknownFormat(`${aim} needs 8, 12 or 13 digits`);
      }
      return readRetailCode(data, format, config, context);
    }
    case 'ean-upc-with-add-on': {
      // 14/17 = UPC-A + 2/5, 15/18 = EAN-13 + 2/5.
      const addOnLength = data.length === 14 || data.length === 15 ? 2 : 5;
      const main = data.slice(0, data.length - addOnLength);
      if (!digits || ![14, 15, 17, 18].includes(data.length)) {
        return unknownFormat(`${aim} needs a 12- or 13-digit code followed by a 2- or 5-digit add-on`);
      }
      const format = main.length === 13 ? 'ean13' : 'upca';
      return readRetailCode(main, format, config, context, data.slice(main.length));
    }
    case 'ean8':
      if (!digits || data.length !== 8) return unknownFormat(`${aim} needs 8 digits`);
      return readRetailCode(data, 'ean8', config, context);
    case 'gs1':
      return parseGs1(withSeparators(data, config), context);
    case 'text':
      return looksLikeProjectCode(data)
        ? parseTillCode(data, context)
        : unknownFormat(`${aim} data is not a till code`);
    case 'add-on-alone':
      return err({
        code: 'unsupported-symbology',
        message: `${aim} is an add-on read without its main barcode`,
        aim: aim ?? '',
      });
    case 'unsupported':
      return err({
        code: 'unsupported-symbology',
        message: `symbology ${aim} is not read here`,
        aim: aim ?? '',
      });
  }
}

function parseGs1(data: string, context: Context): Result<Scan, ScanError> {
  const elements = parseGs1ElementString(data, {
    ambiguity: context.config.gs1Ambiguity,
    offset: context.offset,
  });
  return elements.ok ? gs1ScanFromElements(elements.value, context) : elements;
}

function parseTillCode(data: string, context: Context): Result<Scan, ScanError> {
  const parsed = parseProjectCode(data);
  if (!parsed.ok) return err({ ...parsed.error, position: context.offset + parsed.error.position });
  return ok({ ...parsed.value, raw: context.raw, aim: context.aim });
}

function unknownFormat(message: string): Result<never, ScanError> {
  return err({ code: 'unknown-format', message });
}
