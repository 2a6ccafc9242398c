import { generateDeviceKeyPair } from './kiosk-ticket-signing';

// The kiosk's own Ed25519 key, which signs the tickets it prints
// (docs/kiosk-tickets.md). The private half is a non-extractable CryptoKey:
// it can only be kept by structured clone, so it lives in an IndexedDB store
// of its own (RxDB documents are JSON). The public half is registered with
// the server once (PUT /sync/v1/device-key), which lists it in the store's
// settings for every till; until that succeeds (offline), each start and
// each ticket tries again.

const DB_NAME = 'till-kiosk-device-key';
const STORE = 'keys';
const KEY = 'device';

interface StoredKey {
  readonly privateKey: CryptoKey;
  readonly publicX: string;
  readonly registered: boolean;
}

function openKeyStore(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB_NAME, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

async function withStore<T>(
  mode: IDBTransactionMode,
  run: (store: IDBObjectStore) => IDBRequest,
): Promise<T> {
  const db = await openKeyStore();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = run(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result as T);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}

const readKey = () => withStore<StoredKey | undefined>('readonly', (store) => store.get(KEY));
const writeKey = (key: StoredKey) => withStore<unknown>('readwrite', (store) => store.put(key, KEY));

export interface DeviceKeyRegistrar {
  request<T>(method: 'PUT', path: string, body?: unknown): Promise<T>;
}

/**
 * The kiosk's private key, made on first use, and registered with the server
 * if it is not yet. Undefined when this browser has no Ed25519 in WebCrypto.
 */
export async function kioskDeviceKey(sync: DeviceKeyRegistrar): Promise<CryptoKey | undefined> {
  let stored = await readKey().catch(() => undefined);
  if (!stored) {
    try {
      const pair = await generateDeviceKeyPair();
      stored = { privateKey: pair.privateKey, publicX: pair.publicX, registered: false };
      await writeKey(stored);
    } catch {
      return undefined;
    }
  }
  if (!stored.registered) {
    try {
      await sync.request('PUT', '/sync/v1/device-key', { kty: 'OKP', crv: 'Ed25519', x: stored.publicX });
      stored = { ...stored, registered: true };
      await writeKey(stored);
    } catch {
      // Offline or refused: the ticket is still signed; the key is registered at the next try.
    }
  }
  return stored.privateKey;
}
