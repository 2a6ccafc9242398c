export {
  type CurrencyCode,
  currencyCodeSchema,
  DEFAULT_CURRENCY,
  isCurrencyCode,
  minorDigits,
} from './currency';
export { type DecimalLiteral, scaledIntegerToDecimal } from './decimal-string';
export { formatMoney, moneyToDecimalString } from './format-money';
export {
  addMoney,
  assertSameCurrency,
  CurrencyMismatchError,
  compareMoney,
  isNegativeMoney,
  isZeroMoney,
  type Money,
  money,
  moneyEquals,
  moneySchema,
  multiplyMoney,
  negateMoney,
  subtractMoney,
  sumMoney,
  zeroMoney,
} from './money';
export {
  moneyRecordSchema,
  nonNegativeMoneyRecordSchema,
  positiveMoneyRecordSchema,
} from './money-record';
export { type MoneyParseError, parseMoney } from './parse-money';
export { allocateMoney, multiplyRatio, percentageOf } from './ratio';
export { divideRounded, type RoundingMode, roundingModeSchema } from './rounding';
