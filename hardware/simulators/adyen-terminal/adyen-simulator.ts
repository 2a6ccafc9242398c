import type { ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { Socket } from 'node:net';
import { deriveKeys, type Envelope, open, seal } from './nexo-envelope';
import { makeTerminalCertificates } from './terminal-certificates';

// An Adyen payment terminal's local Terminal API for tests and demos: HTTPS
// on 127.0.0.1 with a certificate from its own CA, nexo messages encrypted
// with the shared passphrase, and a log of charges that survives dropped
// connections (like the terminal's own journal), to prove no double charge.
//
// Scenarios: approve; decline; timeout (charges the card, never answers);
// abort (waits until the till's AbortRequest, then answers Aborted);
// crash (charges the card, then drops the connection).
export type AdyenScenario = 'approve' | 'decline' | 'timeout' | 'abort' | 'crash';

export type AdyenCharge = {
  readonly serviceId: string;
  readonly transactionId: string;
  readonly kind: 'payment' | 'refund';
  readonly amount: number;
  readonly currency: string;
  readonly pspReference: string;
};

export type AdyenSimulatorOptions = {
  readonly keyIdentifier: string;
  readonly passphrase: string;
  readonly keyVersion: number;
  readonly poiId: string;
  readonly scenario?: AdyenScenario;
  /** Listen on this port (a terminal coming back on its address); a free one when unset. */
  readonly port?: number;
};

export type AdyenTerminalSimulator = {
  /** https://127.0.0.1:<port>/nexo/ */
  readonly endpoint: string;
  readonly caCertPem: string;
  setScenario(scenario: AdyenScenario): void;
  /** Cards charged (approved payments and refunds), in order. */
  charges(): AdyenCharge[];
  /** Every decrypted request's message category, in order ("Payment", "Abort", "TransactionStatus"). */
  requests(): string[];
  /** Requests refused because they could not be decrypted or authenticated. */
  rejected(): number;
  close(): Promise<void>;
};

type Json = Record<string, unknown>;
const obj = (value: unknown): Json => (typeof value === 'object' && value !== null ? (value as Json) : {});
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

const receiptLine = (name: string, value = '') => ({
  EndOfLineFlag: true,
  Text: new URLSearchParams(value ? { name, value } : { name }).toString(),
});

export async function startAdyenTerminalSimulator(
  options: AdyenSimulatorOptions,
): Promise<AdyenTerminalSimulator> {
  const certificates = await makeTerminalCertificates();
  const keys = deriveKeys(options.passphrase);
  let scenario: AdyenScenario = options.scenario ?? 'approve';
  const charges: AdyenCharge[] = [];
  const requests: string[] = [];
  let rejected = 0;
  let nextPsp = 8815_0000_0000_0001n;
  /** Final PaymentResponse (with its header) per ServiceID: what TransactionStatus repeats. */
  const finished = new Map<string, { header: Json; body: Json }>();
  /** Payments waiting for an AbortRequest (abort scenario), by ServiceID. */
  const waiting = new Map<string, () => void>();
  const sockets = new Set<Socket>();

  const answer = (res: ServerResponse, request: Json, category: string, body: Json) => {
    const header = { ...obj(request.MessageHeader), MessageCategory: category, MessageType: 'Response' };
    const message = { SaleToPOIResponse: { MessageHeader: header, ...body } };
    const envelope = seal(keys, JSON.stringify(message), options.keyIdentifier, options.keyVersion);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ SaleToPOIResponse: { MessageHeader: header, ...envelope } }));
  };

  const paymentResponse = (request: Json, approved: boolean | 'aborted', charge?: AdyenCharge): Json => {
    const payment = obj(request.PaymentRequest);
    const amounts = obj(obj(payment.PaymentTransaction).AmountsReq);
    const result = approved === true ? 'Success' : 'Failure';
    const condition = approved === 'aborted' ? 'Aborted' : 'Refusal';
    return {
      Response: {
        Result: result,
        ...(approved === true ? {} : { ErrorCondition: condition }),
        AdditionalResponse: new URLSearchParams(
          approved === true
            ? { pspReference: charge?.pspReference ?? '' }
            : { refusalReason: approved === 'aborted' ? 'Aborted' : 'Insufficient funds' },
        ).toString(),
      },
      SaleData: obj(payment.SaleData),
      POIData: {
        POITransactionID: {
          TransactionID: charge?.pspReference ?? 'none',
          TimeStamp: new Date().toISOString(),
        },
      },
      ...(approved === true
        ? {
            PaymentResult: {
              AmountsResp: { AuthorizedAmount: amounts.RequestedAmount, Currency: amounts.Currency },
              PaymentInstrumentData: {
                PaymentInstrumentType: 'Card',
                CardData: { MaskedPan: '541333 **** 9999', PaymentBrand: 'mc' },
              },
            },
          }
        : {}),
      ...(approved === 'aborted'
        ? {}
        : {
            PaymentReceipt: [
              {
                DocumentQualifier: 'CustomerReceipt',
                OutputContent: {
                  OutputFormat: 'Text',
                  OutputText: [
                    receiptLine('SIMULATED ADYEN TERMINAL'),
                    receiptLine('Amount', `${amounts.RequestedAmount} ${str(amounts.Currency)}`),
                    receiptLine(approved ? 'APPROVED' : 'DECLINED'),
                  ],
                },
              },
            ],
          }),
    };
  };

  const onPayment = (res: ServerResponse, request: Json) => {
    const header = obj(request.MessageHeader);
    const serviceId = str(header.ServiceID);
    const payment = obj(request.PaymentRequest);
    const amounts = obj(obj(payment.PaymentTransaction).AmountsReq);
    const refund = obj(payment.PaymentData).PaymentType === 'Refund';
    const finish = (approved: boolean | 'aborted') => {
      let charge: AdyenCharge | undefined;
      if (approved === true) {
        charge = {
          serviceId,
          transactionId: str(obj(obj(payment.SaleData).SaleTransactionID).TransactionID),
          kind: refund ? 'refund' : 'payment',
          amount: Number(amounts.RequestedAmount),
          currency: str(amounts.Currency),
          pspReference: String(nextPsp++),
        };
        charges.push(charge);
      }
      const body = paymentResponse(request, approved, charge);
      finished.set(serviceId, { header, body });
      return body;
    };
    switch (scenario) {
      case 'approve':
      case 'decline':
        return answer(res, request, 'Payment', { PaymentResponse: finish(scenario === 'approve') });
      case 'timeout':
        // The card is charged; the answer never leaves the terminal.
        finish(true);
        return;
      case 'crash':
        finish(true);
        res.socket?.destroy();
        return;
      case 'abort':
        waiting.set(serviceId, () => answer(res, request, 'Payment', { PaymentResponse: finish('aborted') }));
        return;
    }
  };

  const onTransactionStatus = (res: ServerResponse, request: Json) => {
    const status = obj(request.TransactionStatusRequest);
    const asked = str(obj(status.MessageReference).ServiceID);
    const done = finished.get(asked);
    const failure = (condition: string) => ({
      TransactionStatusResponse: { Response: { Result: 'Failure', ErrorCondition: condition } },
    });
    if (waiting.has(asked)) return answer(res, request, 'TransactionStatus', failure('InProgress'));
    if (!done) return answer(res, request, 'TransactionStatus', failure('NotFound'));
    return answer(res, request, 'TransactionStatus', {
      TransactionStatusResponse: {
        Response: { Result: 'Success' },
        MessageReference: { MessageCategory: 'Payment', ServiceID: asked, SaleID: str(done.header.SaleID) },
        RepeatedMessageResponse: {
          MessageHeader: { ...done.header, MessageType: 'Response' },
          RepeatedResponseMessageBody: { PaymentResponse: done.body },
        },
      },
    });
  };

  const onAbort = (res: ServerResponse, request: Json) => {
    const target = str(obj(obj(request.AbortRequest).MessageReference).ServiceID);
    const release = waiting.get(target);
    waiting.delete(target);
    // The terminal answers an AbortRequest with an empty body; the payment itself answers Aborted.
    res.writeHead(200);
    res.end();
    release?.();
  };

  const server = createServer({ key: certificates.keyPem, cert: certificates.certPem }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let secured: Json;
      try {
        secured = obj(obj(JSON.parse(Buffer.concat(chunks).toString('utf8'))).SaleToPOIRequest);
      } catch {
        secured = {};
      }
      const trailer = obj(secured.SecurityTrailer);
      const opened =
        trailer.KeyIdentifier === options.keyIdentifier && trailer.KeyVersion === options.keyVersion
          ? open(keys, secured as unknown as Envelope)
          : ({ ok: false, reason: 'unknown key' } as const);
      if (!opened.ok) {
        rejected++;
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: 401, message: `not decrypted: ${opened.reason}` }));
        return;
      }
      const request = obj(obj(JSON.parse(opened.json)).SaleToPOIRequest);
      const category = str(obj(request.MessageHeader).MessageCategory);
      requests.push(category);
      if (obj(request.MessageHeader).POIID !== options.poiId) {
        res.writeHead(404);
        res.end();
        return;
      }
      if (category === 'Payment') return onPayment(res, request);
      if (category === 'TransactionStatus') return onTransactionStatus(res, request);
      if (category === 'Abort') return onAbort(res, request);
      res.writeHead(400);
      res.end();
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    endpoint: `https://127.0.0.1:${port}/nexo/`,
    caCertPem: certificates.caCertPem,
    setScenario(next) {
      scenario = next;
    },
    charges: () => [...charges],
    requests: () => [...requests],
    rejected: () => rejected,
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
