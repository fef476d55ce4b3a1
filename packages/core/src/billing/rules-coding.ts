// Budget coding (chapitre / article / fonction) of a line: per service, kind of line and kind of body,
// valid from a year; the most specific rule in force wins (a service's own before the default).
export const LINE_KINDS = [
  "subscription",
  "initialisation",
  "training",
  "migration",
  "time",
  "cost_sharing",
] as const;
export type LineKind = (typeof LINE_KINDS)[number];

export type BudgetCodeRule = {
  serviceId: string | null;
  lineKind: LineKind;
  bodyKind: string;
  fromYear: number;
  chapter: string;
  article: string;
  function: string;
};

export type BudgetCoding = { chapter: string; article: string; function: string };

export function codingFor(
  rules: BudgetCodeRule[],
  q: { serviceId: string | null; lineKind: LineKind; bodyKind: string; year: number },
): BudgetCoding | null {
  let best: BudgetCodeRule | null = null;
  for (const r of rules) {
    if (r.lineKind !== q.lineKind || r.bodyKind !== q.bodyKind || r.fromYear > q.year) continue;
    if (r.serviceId !== null && r.serviceId !== q.serviceId) continue;
    const better =
      !best ||
      (r.serviceId !== null && best.serviceId === null) ||
      ((r.serviceId === null) === (best.serviceId === null) && r.fromYear > best.fromYear);
    if (better) best = r;
  }
  return best ? { chapter: best.chapter, article: best.article, function: best.function } : null;
}

export const codingText = (c: BudgetCoding | null): string =>
  c ? `${c.chapter} / ${c.article} / ${c.function}` : "—";
