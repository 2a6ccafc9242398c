import type { BridgeError } from '../../src/core/bridge/bridge-error';
import type { PaymentOutcome, StartPaymentParams } from '../../src/core/bridge/bridge-methods';
import type { DeviceState } from '../../src/core/bridge/device-status';
import { err, ok } from '../../src/core/result';
import type { DeviceContext, PaymentTerminal } from '../host/device-drivers';
import type { JsonLinesJournal } from './json-lines-journal';
import type { PaymentRecord } from './payment-records';
import type { ProtocolFailure, TerminalProtocol } from './terminal-protocol';

// Any terminal protocol made safe for the till: one payment at a time, every
// payment id written to the durable journal before it is sent, a payment id
// that may have reached the terminal never sent again (only recovered), and a
// status the cashier can read, kept fresh by a background check with back-off.

export type Identity = {
  readonly deviceId: string;
  readonly name: string;
  readonly simulated: boolean;
  /** Check interval while healthy (default 15 s); see terminalConfigSchema. */
  readonly healthCheckMs?: number | undefined;
};

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;
// Often enough that a terminal switched off shows before the next card sale,
// rarely enough not to disturb the terminal (one status enquiry per interval).
const DEFAULT_HEALTHY_CHECK_MS = 15_000;

const TAKE_ANOTHER_TENDER = 'the card terminal cannot be reached: take another tender (cash) or try again';

// The bridge's schemas cap status details at 200 characters and error messages at 500.
const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
const unreachableDetail = (problem: string) =>
  clip(`card terminal unreachable, take another tender: ${problem}`, 200);
const rejectsTillDetail = (problem: string) =>
  clip(`the card terminal refuses this till's key, card payments will not work: ${problem}`, 200);

export function bridgeErrorOf(failure: ProtocolFailure): BridgeError {
  const error = bridgeErrorUnclipped(failure);
  return { ...error, message: clip(error.message, 500) };
}

function bridgeErrorUnclipped(failure: ProtocolFailure): BridgeError {
  switch (failure.kind) {
    case 'unreachable':
      return {
        code: 'terminal-unreachable',
        message: `${TAKE_ANOTHER_TENDER} (${failure.message})`,
        retryable: true,
      };
    case 'unknown':
      return failure.answered
        ? {
            code: 'outcome-unknown',
            message: `the terminal cannot tell whether it took this payment (${failure.message}); take no other tender until it is settled`,
            retryable: true,
          }
        : {
            code: 'outcome-unknown',
            message: `the terminal may have taken this payment (${failure.message}): recover it before anything else`,
            retryable: true,
          };
    case 'refused':
      return { code: 'terminal-refused', message: failure.message, retryable: failure.retryable };
  }
}

export function journaledTerminal(
  identity: Identity,
  protocol: TerminalProtocol,
  journal: JsonLinesJournal<PaymentRecord>,
  context: DeviceContext,
): PaymentTerminal {
  let state: DeviceState = 'connecting';
  let queue: Promise<unknown> = Promise.resolve();
  let busy = 0;
  let current: string | undefined;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  const healthyCheckMs = identity.healthCheckMs ?? DEFAULT_HEALTHY_CHECK_MS;
  const firstRetryMs = Math.min(FIRST_RETRY_MS, healthyCheckMs);
  let retryMs = firstRetryMs;
  // Set when the terminal refused this till's key: the link is fine, card payments are not.
  let keyRefusal: string | undefined;
  const reportHealthy = () =>
    keyRefusal === undefined ? report('connected') : report('degraded', keyRefusal);

  const report = (next: DeviceState, detail?: string) => {
    state = next;
    context.reportStatus({
      deviceId: identity.deviceId,
      kind: 'payment-terminal',
      name: identity.name,
      state: next,
      ...(detail === undefined ? {} : { detail }),
      simulated: identity.simulated,
    });
  };

  /** Runs terminal work one job at a time: a terminal serves one request at once. */
  const exclusive = <T>(job: () => Promise<T>): Promise<T> => {
    busy++;
    const run = queue.then(job, job);
    queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run.finally(() => {
      busy--;
    });
  };

  const schedule = (ms: number) => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => void check(), ms);
    timer.unref();
  };

  const check = async () => {
    if (closed) return;
    if (busy > 0) return schedule(healthyCheckMs);
    const problem = await exclusive(() => protocol.probe()).catch((error: unknown) => String(error));
    if (closed) return;
    if (problem === undefined) {
      retryMs = firstRetryMs;
      reportHealthy();
      schedule(healthyCheckMs);
    } else {
      report('disconnected', unreachableDetail(problem));
      schedule(retryMs);
      retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
    }
  };

  const noteFailure = (failure: ProtocolFailure) => {
    if (failure.kind === 'refused') {
      if (failure.rejectsTill) {
        keyRefusal = rejectsTillDetail(failure.message);
        report('degraded', keyRefusal);
      }
      return;
    }
    report('disconnected', unreachableDetail(failure.message));
    retryMs = firstRetryMs;
    schedule(retryMs);
  };
  // The terminal answered a request of this till: its key is accepted again.
  const noteAnswered = () => {
    keyRefusal = undefined;
    if (state !== 'connected') report('connected');
  };

  // After close the file is shut: a payment still unwinding leaves its record 'sent', for recovery.
  const remember = (record: PaymentRecord) => {
    if (!closed) journal.put(record);
  };
  const settle = (record: PaymentRecord, outcome: PaymentOutcome) => {
    remember({ ...record, stage: 'settled', outcome });
  };

  report('connecting');
  schedule(0);

  return {
    async start(params: StartPaymentParams, onProgress) {
      // Checked inside the queue: a second call with the same id waits for the
      // first to finish, then gets its outcome instead of a second charge.
      return exclusive(async () => {
        const known = journal.get(params.paymentId);
        if (known && known.stage !== 'not-sent') {
          if (known.amountMinor !== params.amountMinor || known.kind !== params.kind)
            return err({
              code: 'payment-id-reused',
              message: `payment ${params.paymentId} was already used for another amount`,
              retryable: false,
            });
          if (known.outcome) return ok(known.outcome);
          return err(
            bridgeErrorOf({ kind: 'unknown', message: `payment ${params.paymentId} was already sent` }),
          );
        }
        if (protocol.recoversLastOnly) {
          const pending = journal.values().find((r) => r.stage === 'sent' && r.key !== params.paymentId);
          if (pending)
            return err({
              code: 'recovery-pending',
              message: `the outcome of payment ${pending.key} is still unknown: recover it (payment.recover) before a new card payment`,
              retryable: true,
            });
        }
        const reference = protocol.reference(params);
        const record: PaymentRecord = {
          key: params.paymentId,
          kind: params.kind,
          amountMinor: params.amountMinor,
          currency: params.currency,
          stage: 'sent',
          reference,
        };
        if (closed)
          return err({
            code: 'device-closed',
            message: 'the card terminal driver is closed',
            retryable: true,
          });
        // Durable before a byte goes to the terminal.
        journal.put(record);
        current = params.paymentId;
        try {
          const result = await protocol.pay(params, reference, onProgress);
          if (result.ok) {
            settle(record, result.value);
            noteAnswered();
            return ok(result.value);
          }
          if (result.error.kind !== 'unknown') remember({ ...record, stage: 'not-sent' });
          noteFailure(result.error);
          return err(bridgeErrorOf(result.error));
        } finally {
          current = undefined;
        }
      });
    },

    async abort(paymentId) {
      const record = journal.get(paymentId);
      if (current !== paymentId || !record?.reference)
        return err({
          code: 'nothing-to-abort',
          message: `payment ${paymentId} is not in progress`,
          retryable: false,
        });
      const result = await protocol.abort(paymentId, record.reference);
      return result.ok ? ok({ done: true as const }) : err(bridgeErrorOf(result.error));
    },

    async recover(paymentId) {
      return exclusive(async () => {
        const record = journal.get(paymentId);
        if (!record || record.stage === 'not-sent') return ok({ status: 'not-started' as const, paymentId });
        if (record.outcome) return ok(record.outcome);
        const result = await protocol.recover(record);
        if (!result.ok) {
          // A terminal that answered but could not tell is reachable: only a manager can settle it.
          if (result.error.kind === 'unknown' && result.error.answered) noteAnswered();
          else noteFailure(result.error);
          return err(bridgeErrorOf(result.error));
        }
        noteAnswered();
        const recovered = result.value;
        if (recovered.status === 'not-started') remember({ ...record, stage: 'not-sent' });
        else settle(record, recovered);
        return ok(recovered);
      });
    },

    // ---- payment.resolve
    async resolve({ paymentId, resolution, reference, approvedBy }) {
      return exclusive(async () => {
        const record = journal.get(paymentId);
        if (!record)
          return err({
            code: 'nothing-to-resolve',
            message: `no card payment ${paymentId} in this till's journal`,
            retryable: false,
          });
        // Only a payment whose outcome is unknown needs a manager: a known one stays as it is.
        if (record.stage !== 'sent')
          return err({
            code: 'already-resolved',
            message: `payment ${paymentId} is already settled (${record.outcome?.status ?? 'never reached the terminal'}): nothing to decide`,
            retryable: false,
          });
        if (closed)
          return err({
            code: 'device-closed',
            message: 'the card terminal driver is closed',
            retryable: true,
          });
        const decided = {
          decision: resolution,
          approvedBy,
          at: new Date().toISOString(),
          ...(reference === undefined ? {} : { reference }),
        };
        // Written before answering; from now on neither recovery nor a retry asks the terminal about it.
        if (resolution === 'not-charged') {
          journal.put({ ...record, stage: 'not-sent', resolution: decided });
          return ok({ status: 'not-started' as const, paymentId });
        }
        const outcome: PaymentOutcome = {
          status: 'approved',
          paymentId,
          kind: record.kind,
          amountMinor: record.amountMinor,
          currency: record.currency,
          reference: reference ?? `manager:${approvedBy}`.slice(0, 64),
          terminalReceipt: [],
        };
        journal.put({ ...record, stage: 'settled', outcome, resolution: decided });
        return ok(outcome);
      });
    },
    // ---- end payment.resolve

    async close() {
      closed = true;
      clearTimeout(timer);
      await protocol.close();
      journal.close();
    },
  };
}
