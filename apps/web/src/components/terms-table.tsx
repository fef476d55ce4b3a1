import { getTranslations } from "next-intl/server";
import { minutesToHours } from "../lib/terms-form.ts";
import { Cell, Table } from "./table.tsx";

const ORDER = ["critical", "high", "medium", "low"];

export interface TermSetView {
  service?: { name: string; code: string } | null;
  calendar: { name: string } | null;
  channels: string[];
  equipmentCovered: string;
  trainingDaysIncluded?: number;
  targets: {
    priority: string;
    interventionMinutes: number;
    interventionBasis: string;
    resolutionMinutes: number;
    resolutionBasis: string;
    warningPercent: number;
  }[];
}

/** One service's terms: a table by priority, with the calendar, channels and equipment covered. */
export async function TermsTable({ set, caption }: { set: TermSetView; caption: string }) {
  const t = await getTranslations("terms");
  const targets = [...set.targets].sort((a, b) => ORDER.indexOf(a.priority) - ORDER.indexOf(b.priority));
  const dur = (m: number, basis: string) => t("duration", { hours: minutesToHours(m), basis: t(basis) });
  return (
    <div className="flex flex-col gap-2">
      <Table
        caption={caption}
        headers={[t("priorityHeader"), t("intervention"), t("resolution"), t("warning")]}
      >
        {targets.map((x) => (
          <tr key={x.priority}>
            <Cell header>{t(`priority.${x.priority}`)}</Cell>
            <Cell>{dur(x.interventionMinutes, x.interventionBasis)}</Cell>
            <Cell>{dur(x.resolutionMinutes, x.resolutionBasis)}</Cell>
            <Cell>{x.warningPercent} %</Cell>
          </tr>
        ))}
      </Table>
      <p className="text-sm text-slate-700">
        {t("calendar")} : {set.calendar?.name ?? t("noCalendar")} · {t("channels")} :{" "}
        {set.channels.map((c) => t(`channel.${c}`)).join(", ")}
        {set.equipmentCovered ? ` · ${t("equipment")} : ${set.equipmentCovered}` : ""}
        {set.trainingDaysIncluded ? ` · ${t("trainingDays")} : ${set.trainingDaysIncluded}` : ""}
      </p>
    </div>
  );
}

export function termsDefaults(set: (TermSetView & { calendarId?: string | null }) | null | undefined) {
  if (!set) return null;
  return {
    calendarId: set.calendarId ?? null,
    channels: set.channels,
    equipmentCovered: set.equipmentCovered,
    trainingDaysIncluded: set.trainingDaysIncluded ?? 0,
    targets: set.targets.map((x) => ({
      priority: x.priority,
      interventionHours: minutesToHours(x.interventionMinutes),
      interventionBasis: x.interventionBasis,
      resolutionHours: minutesToHours(x.resolutionMinutes),
      resolutionBasis: x.resolutionBasis,
      warningPercent: x.warningPercent,
    })),
  };
}
