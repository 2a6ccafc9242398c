// Fixed-width line layout shared by every text renderer of a receipt (plain
// text, pole display, the ESC/POS driver), so a line that fits on screen fits
// on paper. Widths count code points after NFC: printers and pole displays
// show one cell per character of their single-byte code page. Words break on
// plain spaces only; a no-break space (U+00A0, what Intl puts inside amounts
// and toPrintableText leaves there) keeps "12,34 €" in one piece.

export type Align = 'left' | 'center' | 'right';

/** Cells `text` takes on a fixed-width device. */
export function textWidth(text: string): number {
  return [...text.normalize('NFC')].length;
}

function sliceCells(text: string, start: number, end?: number): string {
  return [...text.normalize('NFC')].slice(start, end).join('');
}

function assertWidth(width: number): void {
  if (!Number.isInteger(width) || width < 1) throw new RangeError(`bad width: ${String(width)}`);
}

/** `text` padded with spaces to `width`, aligned; text wider than `width` is returned as is. */
export function alignText(text: string, width: number, align: Align): string {
  const room = width - textWidth(text);
  if (room <= 0) return text;
  if (align === 'right') return ' '.repeat(room) + text;
  if (align === 'left') return text + ' '.repeat(room);
  const before = Math.floor(room / 2);
  return ' '.repeat(before) + text + ' '.repeat(room - before);
}

const words = (text: string): string[] => text.split(' ').filter((w) => w !== '');

/**
 * `text` cut to at most `width` cells at a word boundary, so a name never
 * ends in half a word. When even the first word is too long, it is cut and
 * marked with a full stop, as one abbreviates by hand ("Chocolat noir" at
 * width 5: "Choc.").
 */
export function truncateAtWord(text: string, width: number): string {
  assertWidth(width);
  const all = words(text);
  const whole = all.join(' ');
  if (textWidth(whole) <= width) return whole;
  let kept = '';
  for (const word of all) {
    const next = kept === '' ? word : `${kept} ${word}`;
    if (textWidth(next) > width) break;
    kept = next;
  }
  if (kept !== '') return kept;
  return width === 1 ? sliceCells(whole, 0, 1) : `${sliceCells(whole, 0, width - 1)}.`;
}

/** `text` wrapped at word boundaries into lines of at most `width` cells; an overlong word is split. */
export function wrapText(text: string, width: number): string[] {
  assertWidth(width);
  const lines: string[] = [];
  let current = '';
  for (const word of words(text)) {
    const next = current === '' ? word : `${current} ${word}`;
    if (textWidth(next) <= width) {
      current = next;
      continue;
    }
    if (current !== '') lines.push(current);
    let rest = word;
    while (textWidth(rest) > width) {
      lines.push(sliceCells(rest, 0, width));
      rest = sliceCells(rest, width);
    }
    current = rest;
  }
  if (current !== '' || lines.length === 0) lines.push(current);
  return lines;
}

/**
 * `text` as it was laid out, spaces kept, broken every `width` cells: for
 * lines another device formatted (a card slip), where columns matter more
 * than words. An empty line stays one empty line.
 */
export function breakAtWidth(text: string, width: number): string[] {
  assertWidth(width);
  const cells = [...text.normalize('NFC')];
  if (cells.length === 0) return [''];
  const lines: string[] = [];
  for (let start = 0; start < cells.length; start += width)
    lines.push(cells.slice(start, start + width).join(''));
  return lines;
}

/** Below this many cells a left text is not worth keeping beside its amount: it gets its own line. */
const MIN_LEFT_CELLS = 6;

/**
 * A label and an amount on one line: the amount right-aligned in full (it is
 * never cut), the label cut at a word boundary to leave one space before it.
 * When the amount leaves too little room, the label takes a line of its own.
 * A label with no amount wraps instead, continuation lines indented alike.
 */
export function fitColumns(left: string, right: string, width: number, indent = 0): string[] {
  assertWidth(width);
  const pad = ' '.repeat(Math.min(indent, width - 1));
  const room = width - pad.length;
  const label = words(left).join(' ');
  // With no amount beside it (a detail line, a note), nothing competes for the line: wrap, do not cut.
  if (right === '') return wrapText(label, room).map((line) => pad + line);
  const rightWidth = textWidth(right);
  if (label === '') return wrapText(right, width).map((line) => alignText(line, width, 'right'));
  const leftRoom = room - rightWidth - 1;
  if (leftRoom >= Math.min(MIN_LEFT_CELLS, textWidth(label))) {
    const cut = truncateAtWord(label, leftRoom);
    return [pad + cut + ' '.repeat(room - textWidth(cut) - rightWidth) + right];
  }
  return [pad + truncateAtWord(label, room), ...fitColumns('', right, width)];
}
