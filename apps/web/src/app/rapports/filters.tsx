// The filters of a report: its period (month, quarter, year, or a range of months) and its own fields.
import { getTranslations } from "next-intl/server";
import type { FilterField, PeriodInput } from "@mutuo/core/reports";
import { FilterBar, FilterSelect } from "../../components/filter-bar.tsx";

const field = "rounded-md border border-slate-400 bg-white px-3 py-2";

export async function ReportFilters({
  period,
  filters,
  fields,
  choices,
}: {
  period: PeriodInput;
  filters: Record<string, string>;
  fields: FilterField[];
  choices: Record<"bodies" | "services" | "technicians", { value: string; label: string }[]>;
}) {
  const t = await getTranslations("reports");
  const month = period.kind === "custom" ? period.from : period.month;
  return (
    <FilterBar label={t("filters")} submit={t("apply")}>
      <FilterSelect
        name="periode"
        label={t("periodKind")}
        value={period.kind}
        options={(["month", "quarter", "year", "custom"] as const).map((k) => ({
          value: k,
          label: t(`kinds.${k}`),
        }))}
      />
      <div className="flex flex-col gap-1">
        <label htmlFor="mois" className="text-sm font-medium text-slate-800">
          {t("month")}
        </label>
        <input id="mois" name="mois" type="month" defaultValue={month} className={field} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="du" className="text-sm font-medium text-slate-800">
          {t("from")}
        </label>
        <input
          id="du"
          name="du"
          type="month"
          defaultValue={period.kind === "custom" ? period.from : ""}
          className={field}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="au" className="text-sm font-medium text-slate-800">
          {t("to")}
        </label>
        <input
          id="au"
          name="au"
          type="month"
          defaultValue={period.kind === "custom" ? period.to : ""}
          className={field}
        />
      </div>
      {fields.map((f) => (
        <FilterSelect
          key={f.name}
          name={f.name}
          label={f.label}
          value={filters[f.name]}
          all={t("all")}
          options={typeof f.options === "string" ? choices[f.options] : f.options}
        />
      ))}
    </FilterBar>
  );
}
