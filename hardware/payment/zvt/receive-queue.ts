import type { Apdu } from './apdu';

export type Received =
  | { readonly kind: 'apdu'; readonly apdu: Apdu }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'closed' };

/** Messages read from a link, taken one at a time with a timeout so a silent terminal never hangs the till. */
export class ReceiveQueue {
  private readonly queue: Apdu[] = [];
  private waiter: ((received: Received) => void) | undefined;
  private ended = false;

  get isEnded(): boolean {
    return this.ended;
  }

  deliver(message: Apdu): void {
    const waiter = this.waiter;
    this.waiter = undefined;
    if (waiter) waiter({ kind: 'apdu', apdu: message });
    else this.queue.push(message);
  }

  end(): void {
    this.ended = true;
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.({ kind: 'closed' });
  }

  receive(timeoutMs: number): Promise<Received> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve({ kind: 'apdu', apdu: queued });
    if (this.ended) return Promise.resolve({ kind: 'closed' });
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        resolve({ kind: 'timeout' });
      }, timeoutMs);
      this.waiter = (received) => {
        clearTimeout(timer);
        resolve(received);
      };
    });
  }
}

/** One ZVT link (TCP or serial) as both sides use it. */
export interface ApduLink {
  readonly isClosed: boolean;
  /** Writes one APDU; false when the link is gone or the APDU cannot be encoded. */
  send(message: Apdu): boolean;
  receive(timeoutMs: number): Promise<Received>;
  close(): void;
  /** Crash-like close, for the simulator. */
  destroy(): void;
}
