export { splitGross, type VatSplit, vatOfGross, vatSplitSchema } from './line-vat';
export {
  type VatBreakdown,
  type VatLine,
  type VatRateTotal,
  vatBreakdown,
  vatBreakdownSchema,
  vatLineSchema,
  vatRateTotalSchema,
} from './vat-breakdown';
export {
  FRENCH_VAT_RATES,
  formatVatRate,
  frenchVatRate,
  type VatRateBps,
  type VatRateInfo,
  vatRateBpsSchema,
  vatRateInfoSchema,
} from './vat-rates';
