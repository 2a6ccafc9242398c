import { err, ok, type Result } from '../result';
import { hasValidGtinCheckDigit } from './gtin';
import type { GtinScan, RetailFormat, Scan, ScanError, VariableMeasureScan } from './scan';
import type { ScanConfig } from './scan-config';
import { expandUpcE } from './upc-e';
import { findRestrictedLayout, readVariableMeasure } from './variable-measure';

// EAN-13, EAN-8, UPC-A and UPC-E: the symbols on retail packs and scale labels.

const DIGIT_COUNT: Readonly<Record<RetailFormat, number>> = { ean13: 13, upca: 12, ean8: 8, upce: 8 };

// GS1 prefixes whose numbers the retailer assigns itself: 02 and 20-29
// (variable measure), 04 (in-company); for EAN-8, 0 and 2.
const RESTRICTED_GTIN13 = /^(02|04|2\d)/;
const RESTRICTED_GTIN8 = /^[02]/;

interface Source {
  readonly raw: string;
  readonly aim: string | null;
  /** Where `digits` starts in `raw`. */
  readonly offset: number;
}

/** `digits` must already be known to be all digits of the format's length. */
export function readRetailCode(
  digits: string,
  format: RetailFormat,
  config: ScanConfig,
  source: Source,
  addOn?: string,
): Result<Scan, ScanError> {
  const checkPosition = source.offset + digits.length - 1;
  if (digits.length !== DIGIT_COUNT[format] || !/^\d+$/.test(digits)) {
    return err({ code: 'unknown-format', message: `${format} has ${DIGIT_COUNT[format]} digits` });
  }
  let gtin: string;
  if (format === 'upce') {
    const expanded = expandUpcE(digits);
    if (!expanded.ok) {
      const { code, message } = expanded.error;
      if (code === 'bad-number-system') return err({ code, message, position: source.offset });
      return err({ code: 'bad-check-digit', message, position: checkPosition });
    }
    gtin = `0${expanded.value}`;
  } else {
    if (!hasValidGtinCheckDigit(digits)) {
      return err({
        code: 'bad-check-digit',
        message: `${format} ${digits} has a wrong check digit`,
        position: checkPosition,
      });
    }
    gtin = format === 'upca' ? `0${digits}` : digits;
  }

  const base = { raw: source.raw, aim: source.aim };
  if (gtin.length === 13) {
    const layout = findRestrictedLayout(gtin, config.restrictedCirculation);
    if (layout) {
      const reading = readVariableMeasure(gtin, layout);
      if (!reading.ok) {
        // A UPC-A lacks the leading zero the EAN-13 index counts.
        const shift = format === 'upca' ? -1 : 0;
        return err({
          code: 'bad-price-check-digit',
          message: `price check digit does not match the value on ${digits}`,
          position: source.offset + reading.error.index + shift,
        });
      }
      return ok({
        kind: 'variable-measure',
        ...base,
        gtin,
        prefix: layout.prefix,
        ...reading.value,
      } satisfies VariableMeasureScan);
    }
  }
  const restrictedCirculation =
    gtin.length === 8 ? RESTRICTED_GTIN8.test(gtin) : RESTRICTED_GTIN13.test(gtin);
  const scan: GtinScan = { kind: 'gtin', ...base, format, gtin, restrictedCirculation };
  return ok(addOn === undefined ? scan : { ...scan, addOn });
}
