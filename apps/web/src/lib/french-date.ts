// French writes the first day of a month as an ordinal: « 1er janvier », never « 1 janvier »,
// which Intl.DateTimeFormat produces. Other languages' dates pass through unchanged.
const MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre";
const FIRST = new RegExp(`(^|[^\\d])1 (${MONTHS})`, "g");

export function firstOrdinal(formatted: string): string {
  return formatted.replace(FIRST, "$11er $2");
}
