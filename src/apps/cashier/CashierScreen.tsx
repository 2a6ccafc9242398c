import { useTillServices } from '../../state/services-context';
import { ProductLookup } from './ProductLookup';

export function CashierScreen() {
  const { config } = useTillServices();
  return (
    <main className="screen cashier">
      <header>
        <h1>Caisse</h1>
        <span>
          Magasin {config.storeCode} · Caisse {config.tillCode}
        </span>
      </header>
      <ProductLookup />
    </main>
  );
}
