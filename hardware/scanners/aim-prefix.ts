// An AIM symbology identifier ("]E0", "]d2"…) that a scanner puts in front
// of the data, split off into the scan event's own field.
const AIM = /^\][A-Za-z0-9][0-9A-Za-z]$/;

export function isAimId(text: string): boolean {
  return AIM.test(text);
}

export function splitAimPrefix(text: string): { symbology?: string; data: string } {
  const prefix = text.slice(0, 3);
  return isAimId(prefix) && text.length > 3 ? { symbology: prefix, data: text.slice(3) } : { data: text };
}
