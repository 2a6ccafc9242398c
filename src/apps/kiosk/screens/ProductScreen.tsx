import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unitPriceOf } from '../../../core/catalog/unit-price';
import { money } from '../../../core/money';
import { useFormat } from '../../../i18n/use-format';
import { MAX_KIOSK_QUANTITY } from '../../../state/kiosk-path';
import type { PlaceAvailability } from '../../../state/kiosk-port-types';
import { useKiosk, useKioskState } from '../kiosk-context';
import { useKioskFormat } from '../kiosk-format';

// The product page: name, price with VAT, unit price per kg or litre, and
// where it is, each place with the age of its figure. Out of stock
// everywhere (or sold by weight, which orders do not take): no "add".

export function ProductScreen() {
  const { t } = useTranslation();
  const kiosk = useKiosk();
  const format = useFormat();
  const product = useKioskState((s) => s.product);
  const availability = useKioskState((s) => s.availability);
  const [quantity, setQuantity] = useState(1);
  if (!product) return null;
  const price = money(product.priceMinor, product.currency as 'EUR');
  const unit = unitPriceOf(product);
  const inStock = (availability ?? []).some((place) => place.quantity > 0);
  const byWeight = product.unit !== 'piece';
  const orderable = availability !== undefined && inStock && !byWeight && product.active;

  return (
    <section className="kiosk-product" aria-labelledby="kiosk-product-title" data-testid="kiosk-product">
      <button type="button" className="kiosk-back" data-testid="kiosk-back" onClick={() => kiosk.go('find')}>
        {t('kioskApp.nav.backToSearch')}
      </button>
      <h1 id="kiosk-product-title" data-testid="kiosk-product-name">
        {product.name}
      </h1>
      <p className="kiosk-price" data-testid="kiosk-product-price">
        <span className="kiosk-price-amount">
          {product.unit === 'kg'
            ? t('kioskApp.product.perKg', { price: format.money(price) })
            : format.money(price)}
        </span>{' '}
        <span className="kiosk-price-vat">
          {t('kioskApp.product.vatIncluded', { rate: format.count(product.vatRateBps / 100) })}
        </span>
      </p>
      {unit && product.unit === 'piece' ? (
        <p className="kiosk-unit-price" data-testid="kiosk-unit-price">
          {t(`kioskApp.product.unitPrice.${unit.per}`, { price: format.money(unit.price) })}
        </p>
      ) : null}
      <h2>{t('kioskApp.product.availability')}</h2>
      {availability === undefined ? (
        <p role="status">{t('kioskApp.product.checking')}</p>
      ) : availability.length === 0 ? (
        <p data-testid="kiosk-availability-none">{t('kioskApp.product.noFigures')}</p>
      ) : (
        <ul className="kiosk-availability" data-testid="kiosk-availability">
          {availability.map((place) => (
            <AvailabilityRow key={`${place.kind}:${place.code}`} place={place} />
          ))}
        </ul>
      )}
      {byWeight ? (
        <p className="kiosk-notice-inline" data-testid="kiosk-not-orderable">
          {t('kioskApp.product.byWeight')}
        </p>
      ) : availability !== undefined && !inStock ? (
        <p className="kiosk-notice-inline" data-testid="kiosk-not-orderable">
          {t('kioskApp.product.outEverywhere')}
        </p>
      ) : null}
      <div className="kiosk-add">
        <fieldset className="kiosk-plain kiosk-stepper">
          <legend className="visually-hidden">{t('kioskApp.product.quantity')}</legend>
          <button
            type="button"
            className="kiosk-step-button"
            aria-label={t('kioskApp.cart.less')}
            disabled={!orderable || quantity <= 1}
            onClick={() => setQuantity((q) => Math.max(1, q - 1))}
          >
            −
          </button>
          <output className="kiosk-step-value" data-testid="kiosk-product-quantity" aria-live="polite">
            {quantity}
          </output>
          <button
            type="button"
            className="kiosk-step-button"
            aria-label={t('kioskApp.cart.more')}
            disabled={!orderable || quantity >= MAX_KIOSK_QUANTITY}
            onClick={() => setQuantity((q) => Math.min(MAX_KIOSK_QUANTITY, q + 1))}
          >
            +
          </button>
        </fieldset>
        <button
          type="button"
          className="kiosk-primary"
          data-testid="kiosk-add-to-cart"
          disabled={!orderable}
          onClick={() => {
            kiosk.addToCart(quantity);
            kiosk.go('cart');
          }}
        >
          {t('kioskApp.product.add')}
        </button>
      </div>
    </section>
  );
}

function AvailabilityRow({ place }: { readonly place: PlaceAvailability }) {
  const { t } = useTranslation();
  const when = useKioskFormat();
  const now = new Date();
  const where =
    place.kind === 'this-store'
      ? t('kioskApp.product.place.thisStore')
      : place.kind === 'warehouse'
        ? t('kioskApp.product.place.warehouse')
        : t('kioskApp.product.place.otherStore', { name: place.name });
  return (
    <li
      className={place.quantity > 0 ? 'kiosk-place kiosk-place-in' : 'kiosk-place kiosk-place-out'}
      data-testid="kiosk-place"
      data-kind={place.kind}
    >
      <span className="kiosk-place-name">{where}</span>
      <span className="kiosk-place-quantity">
        {place.quantity > 0
          ? t('kioskApp.product.inStock', { count: place.quantity })
          : t('kioskApp.product.outOfStock')}
      </span>
      <span className="kiosk-place-age" data-testid="kiosk-place-age">
        {place.stale
          ? t('kioskApp.product.toConfirm', { when: when.asOf(place.asOf, now) })
          : t('kioskApp.product.asOf', { when: when.asOf(place.asOf, now) })}
      </span>
      {place.readyBy ? (
        <span className="kiosk-place-ready">
          {place.kind === 'warehouse'
            ? t('kioskApp.product.deliveredBy', { day: when.day(place.readyBy) })
            : t('kioskApp.product.readyBy', { day: when.day(place.readyBy) })}
        </span>
      ) : null}
    </li>
  );
}
