import { EventEmitter } from 'node:events';
import type { HostParentPort } from './host-process-server';

/** The main-process end: the shape of Electron's UtilityProcess the supervisor uses. */
export interface InMemoryHostChild {
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  postMessage(message: unknown): void;
  kill(): boolean;
  /** Ends the "process" as a crash would: exit code, nothing delivered afterwards. */
  exit(code: number): void;
  /** Posts a raw message to the main end, as a host of another build (or a bug) might. */
  postFromHost(message: unknown): void;
}

/**
 * The utility-process boundary without a process, for tests of the real
 * supervisor against the real host server: messages cross by structured
 * clone on a later turn, as they do between Electron processes.
 */
export function inMemoryHostChannel(): { port: HostParentPort; child: InMemoryHostChild } {
  const toHost = new EventEmitter();
  const toMain = new EventEmitter();
  let alive = true;
  const later = (deliver: () => void) =>
    setImmediate(() => {
      if (alive) deliver();
    });

  const port: HostParentPort = {
    on(_event, listener) {
      toHost.on('message', listener);
      return port;
    },
    postMessage(message) {
      const copy = structuredClone(message);
      later(() => toMain.emit('message', copy));
    },
  };
  const child: InMemoryHostChild = {
    on(event: 'message' | 'exit', listener: Parameters<EventEmitter['on']>[1]) {
      toMain.on(event, listener);
      return child;
    },
    postMessage(message) {
      if (!alive) throw new Error('the host process is gone');
      const copy = structuredClone(message);
      later(() => toHost.emit('message', { data: copy }));
    },
    kill() {
      child.exit(0);
      return true;
    },
    exit(code) {
      if (!alive) return;
      alive = false;
      setImmediate(() => toMain.emit('exit', code));
    },
    postFromHost(message) {
      later(() => toMain.emit('message', message));
    },
  };
  return { port, child };
}
