import { type FormEvent, useState } from 'react';
import type { Measure } from '../../core/barcodes/scan';
import type { Product } from '../../core/catalog/product';
import { formatMoney, money } from '../../core/money';
import { lookupScan } from '../../state/scan-lookup';
import { useTillServices } from '../../state/services-context';

type Lookup =
  | { readonly state: 'idle' }
  | { readonly state: 'found'; readonly product: Product; readonly measure: Measure | undefined }
  | { readonly state: 'problem'; readonly message: string };

const PROBLEM_MESSAGES = {
  'unknown-product': (code: string) => `Code inconnu : ${code}`,
  'not-a-product': (kind: string) => `Ce code n’est pas un article (${kind})`,
} as const;

function formatVatRate(bps: number): string {
  return `${(bps / 100).toLocaleString('fr-FR')} %`;
}

/** Scan or type a barcode; the product comes from the till's own database, so it works offline. */
export function ProductLookup() {
  const { findProductByBarcode } = useTillServices();
  const [code, setCode] = useState('');
  const [lookup, setLookup] = useState<Lookup>({ state: 'idle' });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const scanned = code.trim();
    if (!scanned) return;
    const result = await lookupScan(scanned, findProductByBarcode);
    setCode('');
    if (result.kind === 'product')
      setLookup({ state: 'found', product: result.product, measure: result.measure });
    else if (result.kind === 'unknown-product')
      setLookup({ state: 'problem', message: PROBLEM_MESSAGES['unknown-product'](result.code) });
    else if (result.kind === 'not-a-product')
      setLookup({ state: 'problem', message: PROBLEM_MESSAGES['not-a-product'](result.scanKind) });
    else setLookup({ state: 'problem', message: `Code refusé : ${result.message}` });
  };

  return (
    <section className="lookup">
      <form onSubmit={submit}>
        <label htmlFor="barcode">Code-barres</label>
        <input
          id="barcode"
          data-testid="barcode-input"
          inputMode="numeric"
          autoComplete="off"
          // biome-ignore lint/a11y/noAutofocus: a till's scan field must have focus as soon as the screen opens
          autoFocus
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
        <button type="submit">Chercher</button>
      </form>
      {lookup.state === 'found' && (
        <article className="product-card" data-testid="product-card">
          <h2 data-testid="product-name">{lookup.product.name}</h2>
          <p className="price" data-testid="product-price">
            {formatMoney(money(lookup.product.priceMinor, lookup.product.currency), 'fr-FR')}
            {lookup.product.unit === 'kg' ? ' / kg' : ''}
          </p>
          {lookup.measure?.type === 'weight' && <p data-testid="product-weight">{lookup.measure.grams} g</p>}
          {lookup.measure?.type === 'price' && (
            <p data-testid="product-label-price">
              Prix étiquette : {formatMoney(money(lookup.measure.minor, lookup.product.currency), 'fr-FR')}
            </p>
          )}
          <p>
            {lookup.product.category} · TVA {formatVatRate(lookup.product.vatRateBps)} ·{' '}
            {lookup.product.barcode}
          </p>
        </article>
      )}
      {lookup.state === 'problem' && (
        <p className="error" role="alert" data-testid="lookup-error">
          {lookup.message}
        </p>
      )}
    </section>
  );
}
