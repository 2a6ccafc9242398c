import type {
  PaymentOutcome,
  RecoveredPayment,
  StartPaymentParams,
} from '../../src/core/bridge/bridge-methods';
import type { Result } from '../../src/core/result';
import type { PaymentRecord, ProtocolReference } from './payment-records';

// What each terminal protocol (ZVT, Adyen) gives the journaled terminal that
// wraps it. The wrapper owns the journal, the one-at-a-time rule, the status
// and the bridge errors; a protocol only talks to its terminal and says, on
// failure, whether the request may have reached it.

export type ProtocolFailure =
  /** Nothing reached the terminal (refused connection, untrusted certificate): safe to take another tender. */
  | { readonly kind: 'unreachable'; readonly message: string }
  /**
   * The request may have reached the terminal: only recovery may tell.
   * `answered`: the terminal answered recovery but could not prove either way;
   * a manager checks the terminal and settles it (payment.resolve).
   */
  | { readonly kind: 'unknown'; readonly message: string; readonly answered?: boolean }
  /** The terminal answered that it did not start (busy, bad amount). */
  | {
      readonly kind: 'refused';
      readonly message: string;
      readonly retryable: boolean;
      /** The terminal refuses this till itself (wrong key): no card payment can work until it is fixed. */
      readonly rejectsTill?: boolean;
    };

export type ProtocolCall<T> = Promise<Result<T, ProtocolFailure>>;

export interface TerminalProtocol {
  /**
   * True when recovery can only ask for the terminal's last transaction (ZVT):
   * then no new payment may start while another one's outcome is unknown, or
   * recovery could take the new transaction for the old one.
   */
  readonly recoversLastOnly: boolean;
  /** Data the protocol needs to find this payment again (written to the journal before sending). */
  reference(params: StartPaymentParams): ProtocolReference;
  pay(
    params: StartPaymentParams,
    reference: ProtocolReference,
    onProgress: (message: string) => void,
  ): ProtocolCall<PaymentOutcome>;
  /** Asks the terminal to stop the payment now in progress. */
  abort(paymentId: string, reference: ProtocolReference): ProtocolCall<void>;
  /** Asks the terminal what became of a payment that may have reached it; never charges. */
  recover(record: PaymentRecord): ProtocolCall<RecoveredPayment>;
  /** Undefined when the terminal answers, else why not, in words for the cashier. */
  probe(): Promise<string | undefined>;
  close(): Promise<void>;
}
