import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { connect, type PeerCertificate } from 'node:tls';
import { err, ok } from '../../../src/core/result';
import type { PaymentRecord } from '../payment-records';
import type { AdyenTerminalConfig } from '../terminal-config';
import type { ProtocolCall, ProtocolFailure, TerminalProtocol } from '../terminal-protocol';
import { adyen } from './adyen-library';
import {
  abortRequest,
  type NexoIds,
  type PaymentIds,
  paymentRequest,
  readPaymentResponse,
  readTransactionStatus,
  transactionStatusRequest,
} from './nexo-messages';

// Adyen's local Terminal API through @adyen/api-library: TerminalLocalAPI
// encrypts each request with the shared passphrase (NexoCrypto) and checks
// the terminal's certificate against the configured CA. A payment whose
// answer never came is asked about with a TransactionStatusRequest naming
// the original ServiceID: it is never sent again.

type TerminalRequest = Parameters<InstanceType<typeof adyen.TerminalLocalAPI>['request']>[0];
type SecurityKey = Parameters<InstanceType<typeof adyen.TerminalLocalAPI>['request']>[1];

/** The library appends ":8443/nexo/" to its local endpoint; this client posts to the configured URL instead. */
class ConfiguredEndpointClient extends adyen.HttpURLConnectionClient {
  constructor(private readonly url: string) {
    super();
  }
  override request(
    ...[, json, config, isApiRequired, options]: Parameters<
      InstanceType<typeof adyen.HttpURLConnectionClient>['request']
    >
  ) {
    return super.request(this.url, json, config, isApiRequired, options);
  }
}

// Adyen terminal certificates are issued to "<model>-<serial>.<env>.terminal.adyen.com"
// (the library checks the same rule); the host name is a LAN address.
const TERMINAL_NAME =
  /^(([a-zA-Z0-9]+-[a-zA-Z0-9]+)|legacy-terminal-certificate)\.(live|test)\.terminal\.adyen\.com$/;
function checkTerminalName(_host: string, cert: PeerCertificate): Error | undefined {
  const cn = cert.subject?.CN;
  return typeof cn === 'string' && TERMINAL_NAME.test(cn)
    ? undefined
    : new Error(`certificate name ${cn} is not an Adyen terminal's`);
}

// Errors raised before the request body could leave the till.
const NOTHING_SENT =
  /ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|certificate|self[- ]signed|CERT_|verify/i;

function failureOf(error: unknown): ProtocolFailure {
  // A 4xx status is the terminal refusing the request unread (wrong key, wrong POIID): nothing ran.
  if (error instanceof adyen.HttpClientException && error.statusCode >= 400 && error.statusCode < 500)
    return {
      kind: 'refused',
      message: `the terminal refused the request (HTTP ${error.statusCode}): check its key identifier, passphrase and POI id`,
      retryable: false,
      rejectsTill: true,
    };
  // The library rejects with ApiException, which is not an Error but has a message.
  const said =
    typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
  const message = typeof said === 'string' ? said : String(error);
  return NOTHING_SENT.test(message) ? { kind: 'unreachable', message } : { kind: 'unknown', message };
}

/** A nexo ServiceID: at most 10 characters, unique per request. */
const newServiceId = () => randomBytes(8).toString('base64url').replace(/[-_]/g, '0').slice(0, 10);

function paymentIds(record: {
  readonly reference?: Readonly<Record<string, string>>;
}): PaymentIds | undefined {
  const ref = record.reference;
  if (!ref?.serviceId || !ref.transactionId || !ref.timeStamp) return undefined;
  return { serviceId: ref.serviceId, transactionId: ref.transactionId, timeStamp: ref.timeStamp };
}

export function adyenProtocol(config: AdyenTerminalConfig): TerminalProtocol {
  const endpoint = new URL(config.endpoint);
  const ids: NexoIds = { saleId: config.saleId, poiId: config.poiId };
  const key: SecurityKey = {
    AdyenCryptoVersion: 1,
    KeyIdentifier: config.keyIdentifier,
    KeyVersion: config.keyVersion,
    Passphrase: config.passphrase,
  };
  const client = new adyen.Client(
    {
      // Local terminals ignore the API key, but the library will not send without one.
      apiKey: 'local-terminal',
      environment: adyen.EnvironmentEnum.TEST,
      certificatePath: config.caCertPath,
      connectionTimeoutMillis: config.timeoutMs,
    },
    new ConfiguredEndpointClient(config.endpoint),
  );
  const api = new adyen.TerminalLocalAPI(client);
  const open = new Set<NodeJS.Timeout>();

  /** One encrypted exchange, bounded by the configured timeout whatever the socket does. */
  const exchange = async (request: object): ProtocolCall<unknown> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${config.timeoutMs} ms`)),
        config.timeoutMs + 1_000,
      );
      open.add(timer);
    });
    try {
      // Plain JSON in the library's shape; its typings want class instances.
      return ok(await Promise.race([api.request(request as TerminalRequest, key), timeout]));
    } catch (error) {
      return err(failureOf(error));
    } finally {
      clearTimeout(timer);
      if (timer) open.delete(timer);
    }
  };

  return {
    // TransactionStatusRequest names the payment by its ServiceID.
    recoversLastOnly: false,

    reference: (params) => ({
      serviceId: newServiceId(),
      transactionId: params.paymentId,
      timeStamp: new Date().toISOString(),
    }),

    async pay(params, reference, onProgress) {
      const payment = paymentIds({ reference });
      if (!payment) return err({ kind: 'refused', message: 'payment reference missing', retryable: false });
      onProgress('Follow the instructions on the card terminal');
      const answer = await exchange(
        paymentRequest(
          ids,
          payment,
          params.kind,
          params.amountMinor,
          params.currency,
          params.originalReference,
        ),
      );
      if (!answer.ok) return answer;
      const outcome = readPaymentResponse(params, answer.value);
      return 'status' in outcome ? ok(outcome) : err({ kind: 'unknown', message: outcome.message });
    },

    async abort(_paymentId, reference) {
      const payment = paymentIds({ reference });
      if (!payment) return err({ kind: 'refused', message: 'payment reference missing', retryable: false });
      const answer = await exchange(abortRequest(ids, newServiceId(), payment));
      return answer.ok ? ok(undefined) : answer;
    },

    async recover(record: PaymentRecord) {
      const payment = paymentIds(record);
      if (!payment) return err({ kind: 'unknown', message: `no terminal reference kept for ${record.key}` });
      const answer = await exchange(transactionStatusRequest(ids, newServiceId(), payment));
      if (!answer.ok) return answer;
      const asked = {
        paymentId: record.key,
        kind: record.kind,
        amountMinor: record.amountMinor,
        currency: record.currency,
      };
      const status = readTransactionStatus(asked, answer.value);
      return 'status' in status ? ok(status) : err({ kind: 'unknown', message: status.message });
    },

    probe() {
      return new Promise((resolve) => {
        let ca: Buffer;
        try {
          ca = readFileSync(config.caCertPath);
        } catch {
          resolve(`terminal CA certificate missing (${config.caCertPath})`);
          return;
        }
        const socket = connect({
          host: endpoint.hostname,
          port: Number(endpoint.port || 443),
          ca,
          checkServerIdentity: checkTerminalName,
          timeout: 5_000,
        });
        const done = (problem: string | undefined) => {
          socket.destroy();
          resolve(problem);
        };
        socket.once('secureConnect', () => done(undefined));
        socket.once('timeout', () => done(`no answer from ${endpoint.host}`));
        socket.once('error', (error) => done(`${endpoint.host}: ${error.message}`));
      });
    },

    async close() {
      for (const timer of open) clearTimeout(timer);
    },
  };
}
