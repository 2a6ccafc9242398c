// Pole displays that speak CD5220 print one byte per character from a
// DOS code page chosen in their set-up (DIP switches or a set-up menu). We
// default to PC858 (PC850 plus "€" at 0xD5): it has every French accented
// letter, upper and lower case, and the euro sign. PC437 (the factory
// default of many clones) has the lower-case accents but no "€" and few
// capitals. A character the page lacks loses its accent ("Œ" -> "OE",
// "Ê" -> "E" on PC437), "€" becomes "E", and anything else becomes "?".

export type DisplayCodePage = 'pc858' | 'pc437' | 'ascii';
export const DISPLAY_CODE_PAGES = ['pc858', 'pc437', 'ascii'] as const;

/** Characters 0x80-0xFF of each page, in byte order (checked against Python's cp437/cp858 codecs). */
const HIGH_HALF: Record<Exclude<DisplayCodePage, 'ascii'>, string> = {
  pc437:
    'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00A0',
  pc858:
    'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈ€ÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00AD±‗¾¶§÷¸°¨·¹³²■\u00A0',
};

const encoders = new Map<DisplayCodePage, Map<string, number>>();

function encoderFor(page: DisplayCodePage): Map<string, number> {
  const cached = encoders.get(page);
  if (cached) return cached;
  const table = new Map<string, number>();
  for (let byte = 0x20; byte < 0x7f; byte++) table.set(String.fromCharCode(byte), byte);
  if (page !== 'ascii') {
    for (const [i, char] of [...HIGH_HALF[page]].entries()) table.set(char, 0x80 + i);
  }
  encoders.set(page, table);
  return table;
}

/** Letters no page here has, spelt out. */
const SPELT: Record<string, string> = { œ: 'oe', Œ: 'OE', æ: 'ae', Æ: 'AE', ß: 'ss', '€': 'E' };

/** One byte per character where the page has it; see the file comment for the fall-backs. */
export function encodeDisplayText(text: string, page: DisplayCodePage): number[] {
  const table = encoderFor(page);
  const bytes: number[] = [];
  for (const char of text) {
    const direct = table.get(char);
    if (direct !== undefined) {
      bytes.push(direct);
      continue;
    }
    const fallback = SPELT[char] ?? char.normalize('NFD').replace(/\p{M}/gu, '');
    for (const part of fallback) bytes.push(table.get(part) ?? 0x3f);
  }
  return bytes;
}

/** What a display set to `page` shows for these bytes (the simulator's view). */
export function decodeDisplayBytes(bytes: ArrayLike<number>, page: DisplayCodePage): string {
  let text = '';
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] ?? 0x3f;
    if (byte >= 0x20 && byte < 0x7f) text += String.fromCharCode(byte);
    else if (byte >= 0x80 && page !== 'ascii') text += [...HIGH_HALF[page]][byte - 0x80];
    else text += '?';
  }
  return text;
}
