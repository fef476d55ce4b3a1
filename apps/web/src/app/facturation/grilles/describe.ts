import type { Grid } from "@mutuo/core/billing";
import { euros } from "../money.ts";

type T = (key: string, values?: Record<string, string | number>) => string;

/** A grid version's annual subscription, in words. */
export function subscriptionText(t: T, g: Pick<Grid, "free" | "subscription">): string {
  const s = g.subscription;
  if (g.free) return t("free");
  if (s.mode === "flat") return t("sub.flat", { price: euros(s.priceCents) });
  if (s.mode === "per_inhabitant") return t("sub.perInhabitant", { price: euros(s.centsPerInhabitant) });
  if (s.mode === "bracket")
    return s.brackets
      .map((b) =>
        b.upTo === null
          ? t("sub.open", { price: euros(b.priceCents) })
          : t("sub.upTo", { upTo: b.upTo, price: euros(b.priceCents) }),
      )
      .join(" ; ");
  return "—";
}
