// A SIRET is 14 digits: the SIREN (9) and the establishment number (NIC, 5).
// INSEE numbers pass the Luhn check, except La Poste's establishments (SIREN
// 356 000 000), whose digits add up to a multiple of 5 instead. A number that
// fails is a typing error in the store's settings: never printed, never guessed.

const LA_POSTE_SIREN = '356000000';

function luhnSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    const digit = Number(digits[digits.length - 1 - i]);
    const doubled = i % 2 === 1 ? digit * 2 : digit;
    sum += doubled > 9 ? doubled - 9 : doubled;
  }
  return sum;
}

export function isValidSiret(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  // All zeros passes the Luhn sum; it is the placeholder tills used to print, never a company.
  if (/^0{9}/.test(siret)) return false;
  if (siret.startsWith(LA_POSTE_SIREN)) {
    const plain = [...siret].reduce((n, d) => n + Number(d), 0);
    return plain % 5 === 0;
  }
  return luhnSum(siret) % 10 === 0;
}
