import type { DisplayCodePage } from '../../display/display-code-page';
import { startPtyPair } from '../pty-pair';
import { Cd5220Decoder, type PoleDisplayScreen } from './cd5220-decoder';

// A 2x20 CD5220 customer display at the end of a socat pty pair: the driver
// opens `devicePath`; tests read what the customer would see, and pull the
// cable out and back in.

export interface PoleDisplaySimulatorOptions {
  readonly codePage?: DisplayCodePage;
}

export interface PoleDisplaySimulator {
  /** What the driver opens, as it would open /dev/ttyUSB0. */
  readonly devicePath: string;
  /** The two lines shown now, trailing spaces removed. */
  screen(): PoleDisplayScreen;
  /** Every screen shown since start, oldest first (each clear and line write adds one). */
  history(): readonly PoleDisplayScreen[];
  /** Bytes that were no CD5220 command. */
  unknownBytes(): number;
  /** The display is unplugged: its screen goes blank, the device path vanishes. */
  unplug(): Promise<void>;
  replug(): Promise<void>;
  close(): Promise<void>;
}

export async function startPoleDisplaySimulator(
  options: PoleDisplaySimulatorOptions = {},
): Promise<PoleDisplaySimulator> {
  const codePage = options.codePage ?? 'pc858';
  let decoder = new Cd5220Decoder(codePage);
  const history: PoleDisplayScreen[] = [];
  const pair = await startPtyPair('pole-display', (chunk) => decoder.push(chunk));
  return {
    devicePath: pair.devicePath,
    screen: () => decoder.screen,
    history: () => [...history, ...decoder.history],
    unknownBytes: () => decoder.unknownBytes,
    async unplug() {
      await pair.unplug();
      // A display without power forgets what it showed.
      history.push(...decoder.history);
      decoder = new Cd5220Decoder(codePage);
    },
    replug: () => pair.replug(),
    close: () => pair.close(),
  };
}
