import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

// Starts one of our Node services and waits for the single JSON "ready" line
// it prints once it listens. Ports may be 0: the service reports the URL it
// actually bound, so there is no race for a "free" port.

export interface ServiceProcess {
  readonly name: string;
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the process printed so far (for failure reports). */
  output(): string;
  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`. Safe to call twice. */
  stop(graceMs?: number): Promise<void>;
}

export interface ServiceOptions {
  readonly name: string;
  readonly command?: string;
  readonly args: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  readonly readyTimeoutMs?: number;
  /** Echo the service's output with a [name] prefix (the launcher) or keep it quiet (tests). */
  readonly echo?: boolean;
  /** Called with the child as soon as it is spawned, before it is ready (so a launcher can stop it early). */
  readonly onSpawn?: (child: ChildProcess) => void;
}

interface ReadyLine {
  event: 'ready';
  service: string;
  url: string;
}

function parseReadyLine(line: string): ReadyLine | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const value = JSON.parse(line) as Partial<ReadyLine>;
    return value.event === 'ready' && typeof value.url === 'string' && typeof value.service === 'string'
      ? (value as ReadyLine)
      : undefined;
  } catch {
    return undefined;
  }
}

export function startService(options: ServiceOptions): Promise<ServiceProcess> {
  const child = spawn(options.command ?? process.execPath, [...options.args], {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  options.onSpawn?.(child);
  const lines: string[] = [];
  const record = (stream: 'out' | 'err') => (line: string) => {
    lines.push(line);
    if (lines.length > 2000) lines.shift();
    if (options.echo)
      (stream === 'out' ? process.stdout : process.stderr).write(`[${options.name}] ${line}\n`);
  };
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async (graceMs = 5_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };

  return new Promise((resolve, reject) => {
    const output = () => lines.join('\n');
    const timeout = setTimeout(() => {
      void stop(1_000);
      reject(
        new Error(`${options.name} was not ready after ${options.readyTimeoutMs ?? 60_000} ms:\n${output()}`),
      );
    }, options.readyTimeoutMs ?? 60_000);
    createInterface({ input: child.stderr }).on('line', record('err'));
    createInterface({ input: child.stdout }).on('line', (line) => {
      record('out')(line);
      const ready = parseReadyLine(line);
      if (ready) {
        clearTimeout(timeout);
        resolve({ name: options.name, url: ready.url, child, output, stop });
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timeout);
      reject(
        new Error(
          `${options.name} exited before it was ready (code ${code}, signal ${signal}):\n${output()}`,
        ),
      );
    });
  });
}
