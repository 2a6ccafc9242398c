// The touch kit shared by the cashier, kiosk and pickup apps.
export { AmountKeypad, type AmountKeypadProps } from './AmountKeypad';
export { amountFromText, editAmount, MAX_AMOUNT_DIGITS } from './amount-entry';
export { Busy, type BusyProps } from './Busy';
export { Dialog, type DialogProps } from './Dialog';
export { type LargeRow, LargeRowList, type LargeRowListProps } from './LargeRowList';
export { foldForSearch, moveSelection, typeAhead } from './list-navigation';
export { Numpad, type NumpadProps } from './Numpad';
export { type Digit, digitsFromText, editDigits, type NumpadKey, padKeyFromKeyboard } from './numpad-keys';
export { PinPad, type PinPadProps } from './PinPad';
export { ToastRegions, Toasts } from './Toasts';
export { createToastStore, type Toast, type ToastKind, type ToastStore, tillToasts } from './toast-store';
