/** Luhn check digit making `digits + key` valid. */
export function luhnKey(digits: string): string {
  for (let key = 0; key <= 9; key++) if (luhnValid(digits + key)) return String(key);
  throw new Error("unreachable");
}

export function luhnValid(number: string): boolean {
  if (!/^\d+$/.test(number)) return false;
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let d = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** A SIRET (SIREN + NIC) with valid Luhn keys on both the SIREN and the SIRET. */
export function demoSiret(sirenBase: string, nic = "0001"): string {
  const siren = sirenBase + luhnKey(sirenBase);
  const partial = siren + nic;
  return partial + luhnKey(partial);
}
