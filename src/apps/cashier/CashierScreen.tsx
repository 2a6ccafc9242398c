import { useStoreSlice, useTillServices } from '../../state/services-context';
import { ProductLookup } from './ProductLookup';

export function CashierScreen() {
  const { config, syncStatus } = useTillServices();
  const till = useStoreSlice(syncStatus, (s) => s.till);
  return (
    <main className="screen cashier">
      <header>
        <h1>Caisse</h1>
        <span>
          Magasin {till?.storeCode ?? config.storeCode} · Caisse {till?.tillCode ?? config.tillCode}
        </span>
      </header>
      <ProductLookup />
    </main>
  );
}
