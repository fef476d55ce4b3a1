import { getFormatter, getTranslations } from "next-intl/server";
import { firstOrdinal } from "../lib/french-date.ts";

const SECRET = new Set(["passwordHash", "totpSecret", "token", "tokenHash"]);
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The label of a changed field, in the reader's language (the raw name only when none exists). */
export async function fieldLabeller(): Promise<(field: string) => string> {
  const t = await getTranslations();
  return (field) =>
    t.has(`fields.${field}`)
      ? t(`fields.${field}`)
      : t.has(`history.fieldNames.${field}`)
        ? t(`history.fieldNames.${field}`)
        : field;
}

/** What an audit entry changed, in words: French field labels, dates in Paris time, secrets hidden. */
export async function AuditChanges({ changes }: { changes: unknown }) {
  const t = await getTranslations("history");
  const format = await getFormatter();
  const label = await fieldLabeller();
  const entries = Object.entries((changes ?? {}) as Record<string, [unknown, unknown]>);
  if (entries.length === 0) return null;
  const show = (field: string, v: unknown): string => {
    if (SECRET.has(field)) return t("secret");
    if (v === null || v === undefined || v === "") return "—";
    if (typeof v === "boolean") return v ? t("yes") : t("no");
    if (typeof v === "string" && INSTANT.test(v))
      return firstOrdinal(
        format.dateTime(new Date(v), { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" }),
      );
    if (typeof v === "string" && DAY.test(v))
      return firstOrdinal(
        format.dateTime(new Date(`${v}T12:00:00Z`), { dateStyle: "long", timeZone: "UTC" }),
      );
    if (Array.isArray(v)) return v.map((x) => show("", x)).join(", ") || "—";
    if (typeof v === "object") return JSON.stringify(v);
    return String(v);
  };
  return (
    <ul className="mt-1 text-sm text-slate-700">
      {entries.map(([field, pair]) => {
        const [before, after] = Array.isArray(pair) ? pair : [undefined, pair];
        return (
          <li key={field} className="break-words">
            <span className="font-medium text-slate-800">{label(field)}</span>&nbsp;: {show(field, before)} →{" "}
            {show(field, after)}
          </li>
        );
      })}
    </ul>
  );
}
