import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type Apdu, apdu, decodeApdu } from '../../../hardware/payment/zvt/apdu';
import { ApduConnection } from '../../../hardware/payment/zvt/apdu-connection';
import { parseBmps, parseStatusInformation } from '../../../hardware/payment/zvt/bmp';
import { REAL_MESSAGES, SPEC_EXAMPLES } from '../../../hardware/payment/zvt/fixtures/real-terminal-traces';
import { ZvtTerminalSimulator } from '../../../hardware/simulators/zvt-terminal/zvt-simulator';

// The simulator must answer like a real terminal, byte for byte where the
// specification says so: a raw ECR on TCP sends commands (some recorded from a
// real cash register) and acknowledges every terminal message.
let simulator: ZvtTerminalSimulator | undefined;
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

const hex = (message: Apdu) => Buffer.from([message.cls, message.instr, ...message.data]).toString('hex');
const asApdu = (bytes: Uint8Array): Apdu => {
  const decoded = decodeApdu(bytes);
  if (!decoded.ok) throw new Error(decoded.error.message);
  return decoded.value;
};

/** Sends one command, acknowledges every terminal message until completion or abort; returns all it got. */
async function exchange(port: number, command: Apdu): Promise<Apdu[]> {
  const socket = connect({ host: '127.0.0.1', port });
  await new Promise((resolve) => socket.once('connect', resolve));
  const link = new ApduConnection(socket);
  link.send(command);
  const got: Apdu[] = [];
  try {
    for (;;) {
      const next = await link.receive(2_000);
      if (next.kind !== 'apdu') return got;
      got.push(next.apdu);
      const { cls, instr } = next.apdu;
      if (cls === 0x80 || cls === 0x84) {
        if (cls === 0x84) return got;
        continue;
      }
      link.send(apdu(0x80, 0x00));
      if (cls === 0x06 && (instr === 0x0f || instr === 0x1e)) return got;
    }
  } finally {
    link.close();
  }
}

async function start() {
  simulator = await ZvtTerminalSimulator.start();
  return simulator;
}

const statusOf = (messages: Apdu[]) => {
  const status = messages.find((m) => m.cls === 0x04 && m.instr === 0x0f);
  return status ? parseStatusInformation(status.data) : undefined;
};
const printed = (messages: Apdu[]) =>
  messages
    .filter((m) => m.cls === 0x06 && m.instr === 0xd1)
    .map((m) => Buffer.from(m.data.subarray(1)).toString('latin1'));

describe('ZVT simulator answers like a real terminal', () => {
  it('accepts an authorization with currency (49) and an empty TLV container (06 00)', async () => {
    const sim = await start();
    const got = await exchange(sim.port, asApdu(SPEC_EXAMPLES.authorizationWithCurrencyAndEmptyTlv));
    expect(hex(got[0] ?? apdu(0, 0))).toBe('8000');
    expect(statusOf(got)).toMatchObject({ resultCode: 0, amountMinor: 1308 });
    expect(printed(got)).toContain('MONTANT 13,08 EUR');
    expect(sim.authorizations().map((a) => a.amountMinor)).toEqual([1308]);
  });

  it('accepts the optional BMPs a real cash register sent (02, 19, 49) and its registration with a TLV container', async () => {
    const sim = await start();
    const registered = await exchange(sim.port, asApdu(REAL_MESSAGES.registrationWithTlv));
    expect(registered.map(hex)).toEqual(['8000', '060f']);
    const got = await exchange(sim.port, asApdu(REAL_MESSAGES.authorizationWithOptions));
    expect(statusOf(got)).toMatchObject({ resultCode: 0, amountMinor: 1000 });
  });

  it('answers an unparsable command with 84 9A 00 (ZVT protocol error), an unknown one with 84 83 00', async () => {
    const sim = await start();
    // Amount BMP cut short, and an LL-var with a broken length.
    expect((await exchange(sim.port, apdu(0x06, 0x01, Uint8Array.of(0x04, 0, 0)))).map(hex)).toEqual([
      '849a',
    ]);
    expect((await exchange(sim.port, apdu(0x06, 0x01, Uint8Array.of(0x22, 0xa1)))).map(hex)).toEqual([
      '849a',
    ]);
    expect((await exchange(sim.port, apdu(0x08, 0x99))).map(hex)).toEqual(['8483']);
    expect(sim.authorizations()).toHaveLength(0);
  });

  it('answers the status enquiry (05 01) with its state, not with a transaction record', async () => {
    const sim = await start();
    await exchange(sim.port, asApdu(SPEC_EXAMPLES.authorizationWithCurrencyAndEmptyTlv));
    const got = await exchange(sim.port, apdu(0x05, 0x01, Uint8Array.of(0, 0, 0)));
    expect(got.map((m) => hex(m).slice(0, 4))).toEqual(['8000', '060f']);
    // Like the recorded terminal: <sw-version LLL-var> <terminal status 00>.
    const completion = got[1]?.data ?? new Uint8Array(0);
    expect([...completion.subarray(0, 3)]).toEqual([0xf0, 0xf1, 0xf1]);
    expect(Buffer.from(completion.subarray(3, 14)).toString('latin1')).toBe('SIM-ZVT 1.0');
    expect(completion.at(-1)).toBe(0x00);
    expect(statusOf(got)).toBeUndefined();
  });

  it('repeats the last receipt (06 20) with its status information', async () => {
    const sim = await start();
    const none = await exchange(sim.port, apdu(0x06, 0x20, Uint8Array.of(0, 0, 0)));
    expect(none.map(hex)).toEqual(['8000', '061e83']);
    await exchange(sim.port, asApdu(SPEC_EXAMPLES.authorizationWithCurrencyAndEmptyTlv));
    const again = await exchange(sim.port, apdu(0x06, 0x20, Uint8Array.of(0, 0, 0)));
    expect(statusOf(again)).toMatchObject({ resultCode: 0, amountMinor: 1308, trace: 1, receiptNo: 1 });
    expect(printed(again)[0]).toBe('DUPLICATA');
  });

  it('its end-of-day report carries the totals', async () => {
    const sim = await start();
    await exchange(sim.port, asApdu(SPEC_EXAMPLES.authorizationWithCurrencyAndEmptyTlv));
    await exchange(sim.port, asApdu(REAL_MESSAGES.authorizationWithOptions));
    // Refund 3,00 €: password, then amount.
    await exchange(sim.port, apdu(0x06, 0x31, Uint8Array.of(0, 0, 0, 0x04, 0, 0, 0, 0, 0x03, 0x00)));
    const day = await exchange(sim.port, apdu(0x06, 0x50, Uint8Array.of(0, 0, 0)));
    const status = statusOf(day);
    expect(status).toMatchObject({ resultCode: 0, amountMinor: 1308 + 1000 - 300, trace: 4 });
    const raw = day.find((m) => m.cls === 0x04 && m.instr === 0x0f)?.data ?? new Uint8Array(0);
    const bmps = parseBmps(raw);
    const totals = bmps.ok ? bmps.value.find((b) => b.tag === 0x60)?.value : undefined;
    // 60: receipt numbers 1 to 3, then per card group a count and a BCD turnover; VISA is the fifth group.
    expect(totals?.length).toBe(4 + 7 * 7);
    expect(Buffer.from(totals?.subarray(0, 4) ?? []).toString('hex')).toBe('00010003');
    expect(totals?.[4 + 4 * 7]).toBe(3);
    expect(Buffer.from(totals?.subarray(5 + 4 * 7, 11 + 4 * 7) ?? []).toString('hex')).toBe('000000002008');
    expect(printed(day)).toEqual(['FIN DE JOURNEE', 'TRANSACTIONS 3', 'TOTAL 20,08 EUR']);
  });
});
