import { useTranslation } from 'react-i18next';
import type { DeliveryAddressIssue } from '../../../core/orders/french-delivery';
import { kioskWords } from '../../../i18n/kiosk-words';
import { useFormat } from '../../../i18n/use-format';
import type { AddressDraft } from '../../../state/kiosk-path';
import type { AddressIssue } from '../../../state/kiosk-port-types';
import { useKiosk, useKioskState } from '../kiosk-context';
import { useKioskFormat } from '../kiosk-format';
import { OnScreenKeyboard } from '../OnScreenKeyboard';
import { KioskTextField } from './KioskTextField';
import { useTypedForm } from './use-typed-form';

// Home delivery (an address, checked) or pickup in this store or another.
// Only what the delivery needs is asked.

type AddressField = keyof AddressDraft;
const ADDRESS_FIELDS: readonly AddressField[] = ['name', 'street', 'extra', 'postcode', 'city'];
const AUTOCOMPLETE: Readonly<Record<AddressField, string>> = {
  name: 'name',
  street: 'address-line1',
  extra: 'address-line2',
  postcode: 'postal-code',
  city: 'address-level2',
};

const FIELD_OF_PATH: ReadonlyMap<string, AddressField> = new Map([
  ['address.name', 'name'],
  ['address.lines', 'street'],
  ['address.lines.0', 'street'],
  ['address.lines.1', 'extra'],
  ['address.postcode', 'postcode'],
  ['address.city', 'city'],
]);

type Words = (key: 'kioskApp.issues.invalid-postcode' | 'kioskApp.issues.invalid-field') => string;

/** The postal check's problems shown at the field they concern. */
const POSTAL_FIELD: Readonly<Partial<Record<DeliveryAddressIssue['code'], AddressField>>> = {
  'postcode-malformed': 'postcode',
  'postcode-unknown': 'postcode',
  'town-missing': 'city',
  'town-mismatch': 'city',
};

/** The problem of one address field in the customer's words: the postal check's, or a field missing or not valid. */
function problemOf(issues: readonly AddressIssue[], field: AddressField, t: Words): string | undefined {
  for (const issue of issues) {
    if (POSTAL_FIELD[issue.code as DeliveryAddressIssue['code']] === field)
      return kioskWords('delivery', issue.code);
    if (issue.code === 'invalid-postcode' && field === 'postcode')
      return t('kioskApp.issues.invalid-postcode');
    if (issue.code === 'invalid-field' && FIELD_OF_PATH.get(issue.path) === field)
      return t('kioskApp.issues.invalid-field');
  }
  return undefined;
}

/** A problem no field shows: the store does not deliver there, or something the form cannot point at. */
function generalProblem(issues: readonly AddressIssue[]): 'not-delivered' | 'incomplete' | undefined {
  if (issues.some((issue) => issue.code === 'not-delivered')) return 'not-delivered';
  const unplaced = issues.filter(
    (issue) =>
      !(issue.code in POSTAL_FIELD) &&
      issue.code !== 'invalid-postcode' &&
      !(issue.code === 'invalid-field' && FIELD_OF_PATH.has(issue.path)),
  );
  return unplaced.length > 0 ? 'incomplete' : undefined;
}

export function DeliveryScreen() {
  const { t } = useTranslation();
  const kiosk = useKiosk();
  const when = useKioskFormat();
  const fulfilment = useKioskState((s) => s.path.fulfilment);
  const address = useKioskState((s) => s.path.address);
  const language = useKioskState((s) => s.path.language);
  const stores = useKioskState((s) => s.pickupStores);
  const pickupDate = useKioskState((s) => s.pickupDate);
  const issues = useKioskState((s) => s.addressIssues);
  const terms = useKioskState((s) => s.deliveryTerms);
  const format = useFormat();
  const form = useTypedForm<AddressField>(
    'name',
    (field) => address[field],
    (field, value) => kiosk.dispatch({ type: 'address', patch: { [field]: value } }),
  );
  const general = generalProblem(issues);
  const towns = issues.flatMap((issue) => (issue.code === 'town-mismatch' ? issue.towns : []));
  return (
    <section className="kiosk-delivery" aria-labelledby="kiosk-delivery-title" data-testid="kiosk-delivery">
      <h1 id="kiosk-delivery-title">{t('kioskApp.delivery.title')}</h1>
      <fieldset className="kiosk-plain kiosk-choice">
        <legend className="visually-hidden">{t('kioskApp.delivery.title')}</legend>
        <button
          type="button"
          aria-pressed={fulfilment?.type === 'home-delivery'}
          className="kiosk-choice-option"
          data-testid="kiosk-choose-delivery"
          onClick={() => kiosk.chooseDelivery()}
        >
          <span>{t('kioskApp.delivery.home')}</span>
          {terms ? (
            <span className="kiosk-choice-terms" data-testid="kiosk-delivery-terms">
              {terms.freeFrom
                ? t('kioskApp.delivery.homeTerms', {
                    fee: format.money(terms.fee),
                    freeFrom: format.money(terms.freeFrom),
                  })
                : t('kioskApp.delivery.homeFee', { fee: format.money(terms.fee) })}
            </span>
          ) : null}
        </button>
        <button
          type="button"
          aria-pressed={fulfilment?.type === 'store-pickup'}
          className="kiosk-choice-option"
          data-testid="kiosk-choose-pickup"
          onClick={() => void kiosk.choosePickup(stores.find((s) => s.own)?.code ?? stores[0]?.code ?? '')}
          disabled={stores.length === 0}
        >
          <span>{t('kioskApp.delivery.pickup')}</span>
          <span className="kiosk-choice-terms">{t('kioskApp.delivery.pickupFree')}</span>
        </button>
      </fieldset>

      {fulfilment?.type === 'home-delivery' ? (
        <form
          className="kiosk-form"
          aria-label={t('kioskApp.delivery.addressLabel')}
          onSubmit={(event) => {
            event.preventDefault();
            void kiosk.confirmAddress();
          }}
        >
          <div className="kiosk-form-fields">
            {ADDRESS_FIELDS.map((field) => {
              const problem = problemOf(issues, field, t);
              return (
                <KioskTextField
                  key={field}
                  label={t(`kioskApp.delivery.field.${field}`)}
                  value={address[field]}
                  onChange={(value) => kiosk.dispatch({ type: 'address', patch: { [field]: value } })}
                  onFocus={form.focusOn(field)}
                  inputRef={form.refOf(field)}
                  active={form.active === field}
                  autoComplete={AUTOCOMPLETE[field]}
                  required={field !== 'extra'}
                  testId={`kiosk-address-${field}`}
                  problem={problem}
                />
              );
            })}
          </div>
          {towns.length > 0 ? (
            <fieldset className="kiosk-plain kiosk-towns" data-testid="kiosk-address-towns">
              <legend>{t('kioskApp.delivery.chooseTown')}</legend>
              {towns.slice(0, 8).map((town) => (
                <button
                  key={town}
                  type="button"
                  className="kiosk-secondary kiosk-town"
                  data-testid="kiosk-address-town"
                  onClick={() => {
                    kiosk.dispatch({ type: 'address', patch: { city: town } });
                    void kiosk.confirmAddress();
                  }}
                >
                  {town}
                </button>
              ))}
            </fieldset>
          ) : null}
          {general ? (
            <p className="kiosk-field-problem" role="alert" data-testid="kiosk-address-problem">
              {general === 'not-delivered'
                ? kioskWords('delivery', 'not-delivered')
                : t('kioskApp.delivery.incomplete')}
            </p>
          ) : null}
          <OnScreenKeyboard
            language={language}
            onKey={form.onKey}
            layout={form.active === 'postcode' ? 'digits' : 'text'}
          />
          <div className="kiosk-actions">
            <button type="button" className="kiosk-secondary" onClick={() => kiosk.go('cart')}>
              {t('kioskApp.nav.back')}
            </button>
            <button type="submit" className="kiosk-primary" data-testid="kiosk-address-confirm">
              {t('kioskApp.nav.next')}
            </button>
          </div>
        </form>
      ) : fulfilment?.type === 'store-pickup' ? (
        <div className="kiosk-form">
          <h2 id="kiosk-stores-heading" className="kiosk-stores-heading">
            {t('kioskApp.delivery.storeHeading')}
          </h2>
          <fieldset className="kiosk-plain kiosk-stores" aria-labelledby="kiosk-stores-heading">
            {stores.map((store) => (
              <button
                key={store.code}
                type="button"
                aria-pressed={fulfilment.storeCode === store.code}
                className="kiosk-store-option"
                data-testid="kiosk-pickup-store"
                data-store={store.code}
                onClick={() => void kiosk.choosePickup(store.code)}
              >
                {store.own
                  ? t('kioskApp.delivery.thisStore', { name: store.name })
                  : t('kioskApp.delivery.otherStore', { name: store.name })}
              </button>
            ))}
          </fieldset>
          {pickupDate ? (
            <p className="kiosk-hint" data-testid="kiosk-pickup-date">
              {t('kioskApp.delivery.pickupFrom', { day: when.day(pickupDate) })}
            </p>
          ) : null}
          <div className="kiosk-actions">
            <button type="button" className="kiosk-secondary" onClick={() => kiosk.go('cart')}>
              {t('kioskApp.nav.back')}
            </button>
            <button
              type="button"
              className="kiosk-primary"
              data-testid="kiosk-pickup-confirm"
              onClick={() => kiosk.go('contact')}
            >
              {t('kioskApp.nav.next')}
            </button>
          </div>
        </div>
      ) : (
        <div className="kiosk-actions">
          <button type="button" className="kiosk-secondary" onClick={() => kiosk.go('cart')}>
            {t('kioskApp.nav.back')}
          </button>
        </div>
      )}
    </section>
  );
}
