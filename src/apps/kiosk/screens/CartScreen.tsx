import { useTranslation } from 'react-i18next';
import { money } from '../../../core/money';
import { useFormat } from '../../../i18n/use-format';
import { cartTotals, MAX_KIOSK_QUANTITY } from '../../../state/kiosk-path';
import { useKiosk, useKioskState } from '../kiosk-context';
import { Totals } from './Totals';

// The cart: each line with − and +, remove, and the total with its VAT.

export function CartScreen() {
  const { t } = useTranslation();
  const kiosk = useKiosk();
  const format = useFormat();
  const cart = useKioskState((s) => s.path.cart);
  const terms = useKioskState((s) => s.deliveryTerms);
  const totals = cartTotals(cart);
  return (
    <section className="kiosk-cart" aria-labelledby="kiosk-cart-title" data-testid="kiosk-cart">
      <h1 id="kiosk-cart-title">{t('kioskApp.cart.title')}</h1>
      {cart.length === 0 ? (
        <p className="kiosk-empty" data-testid="kiosk-cart-empty">
          {t('kioskApp.cart.empty')}
        </p>
      ) : (
        <ul className="kiosk-cart-lines" aria-label={t('kioskApp.cart.linesLabel')}>
          {cart.map((line) => (
            <li key={line.lineId} className="kiosk-cart-line" data-testid="kiosk-cart-line">
              <span className="kiosk-cart-name" data-testid="kiosk-cart-line-name">
                {line.name}
              </span>
              <span className="kiosk-cart-unit">
                {format.money(money(line.unitPriceMinor, line.currency))}
              </span>
              <fieldset className="kiosk-plain kiosk-stepper">
                <legend className="visually-hidden">
                  {t('kioskApp.cart.quantityOf', { name: line.name })}
                </legend>
                <button
                  type="button"
                  className="kiosk-step-button"
                  data-testid="kiosk-cart-less"
                  aria-label={t('kioskApp.cart.less')}
                  disabled={line.quantity <= 1}
                  onClick={() => kiosk.setQuantity(line.lineId, line.quantity - 1)}
                >
                  −
                </button>
                <output className="kiosk-step-value" data-testid="kiosk-cart-quantity" aria-live="polite">
                  {line.quantity}
                </output>
                <button
                  type="button"
                  className="kiosk-step-button"
                  data-testid="kiosk-cart-more"
                  aria-label={t('kioskApp.cart.more')}
                  disabled={line.quantity >= MAX_KIOSK_QUANTITY}
                  onClick={() => kiosk.setQuantity(line.lineId, line.quantity + 1)}
                >
                  +
                </button>
              </fieldset>
              <span className="kiosk-cart-total" data-testid="kiosk-cart-line-total">
                {format.money(money(line.unitPriceMinor * line.quantity, line.currency))}
              </span>
              <button
                type="button"
                className="kiosk-secondary kiosk-remove"
                data-testid="kiosk-cart-remove"
                aria-label={t('kioskApp.cart.removeNamed', { name: line.name })}
                onClick={() => kiosk.remove(line.lineId)}
              >
                {t('kioskApp.cart.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {cart.length > 0 ? <Totals totals={totals} /> : null}
      {cart.length > 0 && terms ? (
        <p className="kiosk-hint" data-testid="kiosk-cart-delivery-terms">
          {terms.freeFrom
            ? t('kioskApp.cart.deliveryTerms', {
                fee: format.money(terms.fee),
                freeFrom: format.money(terms.freeFrom),
              })
            : t('kioskApp.cart.deliveryTermsNoFree', { fee: format.money(terms.fee) })}
        </p>
      ) : null}
      <div className="kiosk-actions">
        <button
          type="button"
          className="kiosk-secondary"
          data-testid="kiosk-continue-shopping"
          onClick={() => kiosk.go('find')}
        >
          {t('kioskApp.cart.continue')}
        </button>
        <button
          type="button"
          className="kiosk-primary"
          data-testid="kiosk-checkout"
          disabled={cart.length === 0}
          onClick={() => kiosk.go('delivery')}
        >
          {t('kioskApp.cart.checkout')}
        </button>
      </div>
    </section>
  );
}
