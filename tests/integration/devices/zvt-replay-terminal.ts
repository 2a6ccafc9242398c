import { createServer, type Socket } from 'node:net';
import { type Apdu, apdu, decodeApdu } from '../../../hardware/payment/zvt/apdu';
import { ApduConnection } from '../../../hardware/payment/zvt/apdu-connection';

// A "terminal" on TCP that answers each ECR command with recorded bytes (for
// example the real-terminal traces in hardware/payment/zvt/fixtures): 80 00 00,
// then each scripted message, waiting for the ECR's acknowledgement of each.
// It keeps what the ECR sent, so a test can see every message was acknowledged.

export type ReplayTerminal = {
  readonly port: number;
  /** Everything the ECR sent, as hex APDUs, in order. */
  readonly fromEcr: string[];
  close(): Promise<void>;
};

const hexOf = (message: Apdu) => Buffer.from([message.cls, message.instr, ...message.data]).toString('hex');

export function asApdu(bytes: Uint8Array): Apdu {
  const decoded = decodeApdu(bytes);
  if (!decoded.ok) throw new Error(`bad fixture: ${decoded.error.message}`);
  return decoded.value;
}

export async function startReplayTerminal(
  answer: (command: Apdu) => readonly Apdu[],
): Promise<ReplayTerminal> {
  const fromEcr: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const link = new ApduConnection(socket);
    void (async () => {
      for (;;) {
        const command = await link.receive(10_000);
        if (command.kind !== 'apdu') return link.close();
        fromEcr.push(hexOf(command.apdu));
        link.send(apdu(0x80, 0x00));
        for (const message of answer(command.apdu)) {
          link.send(message);
          const reply = await link.receive(2_000);
          if (reply.kind !== 'apdu') {
            fromEcr.push(`no answer (${reply.kind})`);
            return link.close();
          }
          fromEcr.push(hexOf(reply.apdu));
        }
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    fromEcr,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
