import { CD5220_CLEAR, CD5220_LOWER, CD5220_UPPER } from '../../display/cd5220';
import { type DisplayCodePage, decodeDisplayBytes } from '../../display/display-code-page';

// What a CD5220 pole display does with the bytes it receives: clear, and
// "ESC Q A|B <text> CR" line writes. Bytes split across reads are kept until
// the command is complete; anything else is counted as unknown.

export interface PoleDisplayScreen {
  readonly upper: string;
  readonly lower: string;
}

const ESC = 0x1b;
const Q = 0x51;
const CR = 0x0d;

export class Cd5220Decoder {
  #pending: number[] = [];
  #screen: PoleDisplayScreen = { upper: '', lower: '' };
  readonly history: PoleDisplayScreen[] = [];
  unknownBytes = 0;

  constructor(private readonly page: DisplayCodePage) {}

  get screen(): PoleDisplayScreen {
    return this.#screen;
  }

  push(chunk: ArrayLike<number>): void {
    for (let i = 0; i < chunk.length; i++) this.#pending.push(chunk[i] ?? 0);
    this.#drain();
  }

  #show(screen: PoleDisplayScreen): void {
    this.#screen = screen;
    this.history.push(screen);
  }

  #drain(): void {
    const bytes = this.#pending;
    let at = 0;
    while (at < bytes.length) {
      const byte = bytes[at];
      if (byte === CD5220_CLEAR) {
        this.#show({ upper: '', lower: '' });
        at += 1;
        continue;
      }
      if (byte !== ESC) {
        this.unknownBytes += 1;
        at += 1;
        continue;
      }
      if (bytes.length - at < 3) break;
      const which = bytes[at + 2];
      if (bytes[at + 1] !== Q || (which !== CD5220_UPPER && which !== CD5220_LOWER)) {
        this.unknownBytes += 1;
        at += 1;
        continue;
      }
      const end = bytes.indexOf(CR, at + 3);
      if (end < 0) break;
      // A real display shows at most 20 characters; trailing padding is not content.
      const text = decodeDisplayBytes(bytes.slice(at + 3, end).slice(0, 20), this.page).trimEnd();
      this.#show(
        which === CD5220_UPPER ? { ...this.#screen, upper: text } : { ...this.#screen, lower: text },
      );
      at = end + 1;
    }
    this.#pending = bytes.slice(at);
  }
}
