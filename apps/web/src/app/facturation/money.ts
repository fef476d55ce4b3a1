// Euros typed in forms ("1 234,56", "90") to integer cents; anything else is NaN so that the API
// refuses it with the field named.
export function centsOf(raw: string): number {
  const s = raw.replace(/[\s\u202f\u00a0€]/g, "").replace(",", ".");
  if (s === "") return 0;
  if (!/^-?\d+(\.\d{1,2})?$/.test(s)) return Number.NaN;
  return Math.round(Number(s) * 100);
}

export const euros = (cents: number) =>
  new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(cents / 100);

/** "2000: 900\n10000: 2400\n: 4800" → population brackets (empty ceiling: open bracket). */
export function bracketsOf(raw: string): { upTo: number | null; priceCents: number }[] {
  return raw
    .split(/\n|;/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [upTo, price] = l.split(":").map((x) => x?.trim() ?? "");
      return { upTo: upTo ? Number(upTo.replace(/\s/g, "")) : null, priceCents: centsOf(price ?? "") };
    });
}
