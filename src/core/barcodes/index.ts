// Public surface of the barcode module: the rest of the app imports from here.
export type { SymbologyHint } from './aim';
export { type AiDefinition, gs1DateToIso } from './gs1-application-identifiers';
export { GROUP_SEPARATOR } from './gs1-element-string';
export { gtinCheckDigit, hasValidGtinCheckDigit, normaliseGtin, withGtinCheckDigit } from './gtin';
export { MAX_SCAN_LENGTH, parseScan } from './parse-scan';
export { fiveDigitPriceCheckDigit, fourDigitPriceCheckDigit, priceCheckDigit } from './price-check-digit';
export {
  encodeKioskOrderCode,
  encodePickupCode,
  encodeReceiptCode,
  PICKUP_CODE_ALPHABET,
  PROJECT_CODE_PREFIX,
  type ProjectCode,
  type ProjectCodeError,
  parseProjectCode,
  pickupCodeSchema,
} from './project-codes';
export type {
  Gs1Element,
  Gs1Scan,
  GtinScan,
  KioskOrderScan,
  Measure,
  PickupScan,
  ReceiptScan,
  RetailFormat,
  Scan,
  ScanError,
  ScanErrorCode,
  VariableMeasureScan,
} from './scan';
export {
  defaultScanConfig,
  type RestrictedCirculationLayout,
  restrictedCirculationLayoutSchema,
  type ScanConfig,
  scanConfigSchema,
} from './scan-config';
export { compressUpcA, expandUpcE, type UpcEError } from './upc-e';
export { encodeVariableMeasure, findRestrictedLayout } from './variable-measure';
