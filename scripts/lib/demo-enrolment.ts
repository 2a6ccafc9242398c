import { randomBytes } from 'node:crypto';
import { PROTOCOL_HEADER } from '../../src/core/sync/protocol';

// The demo store enrols its screens the way a store would: an administrator
// issues one-time pairing codes, and each screen set redeems its own on
// first start. Till codes: the cashier till is 01, the kiosk K1, the pickup desk P1.
export const DEMO_SCREEN_TILLS = { cashier: '01', kiosk: 'K1', pickup: 'P1' } as const;

export const newAdminToken = (): string => randomBytes(24).toString('base64url');

export async function issueDemoPairingCodes(
  syncUrl: string,
  adminToken: string,
  storeCode: string,
): Promise<Record<keyof typeof DEMO_SCREEN_TILLS, string>> {
  const codes = {} as Record<keyof typeof DEMO_SCREEN_TILLS, string>;
  for (const [screen, tillCode] of Object.entries(DEMO_SCREEN_TILLS) as [
    keyof typeof DEMO_SCREEN_TILLS,
    string,
  ][]) {
    const response = await fetch(`${syncUrl}/admin/v1/pairing-codes`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${adminToken}`,
        'content-type': 'application/json',
        [PROTOCOL_HEADER]: '1',
      },
      body: JSON.stringify({ storeCode, tillCode }),
    });
    if (response.status !== 201)
      throw new Error(`pairing code for ${screen}: HTTP ${response.status} ${await response.text()}`);
    codes[screen] = ((await response.json()) as { pairingCode: string }).pairingCode;
  }
  return codes;
}
