import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { findActiveLine } from '../../../core/cart';
import { DiscountDialog } from './DiscountDialog';
import { LineActions } from './LineActions';
import { ParkedSalesDialog } from './ParkedSalesDialog';
import { PriceDialog } from './PriceDialog';
import { QuantityDialog } from './QuantityDialog';
import { QuickKeysDialog, WeighDialog } from './QuickKeysDialog';
import type { SaleEditing } from './sale-editing';
import './sale-edit.css';

/** Whether + and − typed now act on the line: not in a dialog, not in a field with text in it. */
function keyIsForTheLine(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return false;
  if (document.querySelector('dialog[open]')) return false;
  const target = event.target;
  if (target instanceof HTMLInputElement) return target.value === '';
  return !(
    target instanceof HTMLTextAreaElement ||
    (target instanceof HTMLElement && target.isContentEditable)
  );
}

/** Under the basket: the line's actions, and the everyday sale's dialogs. */
export function SaleEditingPanel({
  editing,
  paying,
}: {
  readonly editing: SaleEditing;
  readonly paying: boolean;
}) {
  const { t } = useTranslation();
  const { sale, lineEdit, discounts, parked, quickKeys } = editing;
  const cart = useStore(sale.store, (s) => s.cart);
  // The line acted on follows the selection and the basket (both subscribed).
  useStore(lineEdit.store, (s) => s.selectedLineId);
  const priceBusy = useStore(lineEdit.store, (s) => s.busy);
  const dialog = useStore(editing.dialog, (s) => s.open);
  const discount = useStore(discounts.store);
  const parkedSales = useStore(parked.store, (s) => s.parked);
  const keys = useStore(quickKeys.store);
  const line = lineEdit.targetLine();
  const close = () => editing.show(undefined);

  useEffect(() => void editing.load(), [editing]);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.key !== '+' && event.key !== '-') || !keyIsForTheLine(event)) return;
      event.preventDefault();
      lineEdit.step(event.key === '+' ? 1 : -1);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [lineEdit]);

  const discountLine =
    discount.open && discount.open !== null ? findActiveLine(cart, discount.open.lineId) : undefined;
  return (
    <>
      <LineActions
        line={paying ? undefined : line}
        disabled={paying}
        onStep={(delta) => lineEdit.step(delta)}
        onQuantity={() => editing.show('quantity')}
        onPrice={() => editing.show('price')}
        onDiscount={() => line && discounts.openFor({ lineId: line.lineId })}
      />
      {dialog === 'quantity' && line && (
        <QuantityDialog line={line} onApply={(n) => lineEdit.setQuantity(n)} onClose={close} />
      )}
      {dialog === 'price' && line && (
        <PriceDialog
          line={line}
          busy={priceBusy}
          onApply={(minor, reason) => lineEdit.overridePrice(minor, reason, close)}
          onClose={close}
        />
      )}
      {discount.open !== undefined && (discount.open === null || discountLine?.ok) && (
        <DiscountDialog
          title={
            discount.open === null
              ? t('saleEdit.discount.basketTitle')
              : t('saleEdit.discount.lineTitle', { name: discountLine?.ok ? discountLine.value.name : '' })
          }
          currency={cart.currency}
          busy={discount.busy}
          hasDiscount={
            discount.open === null
              ? cart.basketDiscount !== null
              : Boolean(discountLine?.ok && discountLine.value.discount)
          }
          onApply={(input, reason) => discounts.apply(discount.open ?? null, input, reason)}
          onRemove={() => {
            if (discounts.remove(discount.open ?? null)) discounts.close();
          }}
          onClose={() => discounts.close()}
        />
      )}
      {dialog === 'quick-keys' && (
        <QuickKeysDialog
          keys={keys.keys}
          onPress={(item) => {
            close();
            void quickKeys.press(item);
          }}
          onClose={close}
        />
      )}
      {keys.weighing && (
        <WeighDialog
          product={keys.weighing}
          onWeigh={(grams) => void quickKeys.weigh(grams)}
          onClose={() => quickKeys.cancelWeighing()}
        />
      )}
      {dialog === 'parked' && (
        <ParkedSalesDialog
          parked={parkedSales}
          onResume={(id) => {
            void parked.resume(id).then((done) => done && close());
          }}
          onClose={close}
        />
      )}
    </>
  );
}
