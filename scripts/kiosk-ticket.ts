import { randomFillSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import QRCode from 'qrcode';
import { createUuidV7Generator } from '../src/core/ids';
import { PROTOCOL_HEADER } from '../src/core/sync/protocol';
import { startKioskDevice } from '../tests/support/kiosk-device';
import { orderToPayAtTill } from '../tests/support/ticket-fixtures';

// Produces a kiosk ticket for a running store, as issue 13's kiosk will:
// enrols a kiosk device, registers its key, places an order to pay at the
// till in its journal, and prints the signed ticket (and its QR code as a
// PNG). Scan the text, or the picture, at the cashier till.
//
//   node --import tsx scripts/kiosk-ticket.ts --sync-url http://127.0.0.1:8787 \
//     --admin-token <TILL_ADMIN_TOKEN> [--store PAR01] [--till K9] [--qr ticket.png]

const { values } = parseArgs({
  options: {
    'sync-url': { type: 'string', default: 'http://127.0.0.1:8787' },
    'admin-token': { type: 'string' },
    store: { type: 'string', default: 'PAR01' },
    till: { type: 'string', default: 'K9' },
    qr: { type: 'string' },
  },
});
const syncUrl = values['sync-url'];
const adminToken = values['admin-token'] ?? process.env.TILL_ADMIN_TOKEN;
if (!adminToken)
  throw new Error('--admin-token (or TILL_ADMIN_TOKEN) is needed to issue the kiosk a pairing code');

const issued = await fetch(`${syncUrl}/admin/v1/pairing-codes`, {
  method: 'POST',
  headers: {
    authorization: `Bearer ${adminToken}`,
    'content-type': 'application/json',
    [PROTOCOL_HEADER]: '1',
  },
  body: JSON.stringify({ storeCode: values.store, tillCode: values.till }),
});
if (issued.status !== 201) throw new Error(`pairing code: HTTP ${issued.status} ${await issued.text()}`);
const { pairingCode } = (await issued.json()) as { pairingCode: string };
const kiosk = await startKioskDevice(syncUrl, values.store, values.till, pairingCode);
const newId = createUuidV7Generator({
  now: () => Date.now(),
  randomBytes: (n) => randomFillSync(new Uint8Array(n)),
});
const order = orderToPayAtTill(newId(), kiosk.tillId, values.store);
await kiosk.place(order);
const ticket = await kiosk.ticket(order);
if (values.qr) writeFileSync(values.qr, await QRCode.toBuffer(ticket, { errorCorrectionLevel: 'M' }));
process.stdout.write(`${ticket}\n`);
