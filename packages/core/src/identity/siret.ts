/** Luhn checksum, as used by SIREN and SIRET numbers. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** SIRET: 14 digits, Luhn-valid (La Poste's establishments, SIREN 356000000, use a digit sum instead). */
export function isValidSiret(value: string): boolean {
  const s = value.replace(/\s/g, "");
  if (!/^\d{14}$/.test(s)) return false;
  if (s.startsWith("356000000")) return [...s].reduce((a, c) => a + Number(c), 0) % 5 === 0;
  return luhnValid(s);
}

/** INSEE commune code: 5 characters, digits, or 2A/2B for Corsica. */
export function isValidInseeCode(value: string): boolean {
  return /^(\d{5}|2[AB]\d{3})$/.test(value);
}
