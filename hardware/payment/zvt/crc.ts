// CRC-16/KERMIT (poly 0x1021 reflected = 0x8408, init 0, no final xor), as
// the ZVT serial link uses over the unstuffed APDU plus ETX.
export function crc16Kermit(data: Uint8Array): number {
  let crc = 0;
  for (const byte of data) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 1 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
    }
  }
  return crc;
}
