"use client";
// « Plus de filtres »: every filter of the queue and the visible columns in one panel, submitted
// as a GET form (the result is an address, like every state of the queue).
import { SlidersHorizontal } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "../../components/ui/button.tsx";
import { Popover, PopoverContent, PopoverTrigger } from "../../components/ui/popover.tsx";

export interface FilterField {
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
}

export function MoreFilters({
  fields,
  hidden,
  columns,
  active,
}: {
  fields: FilterField[];
  /** Parameters kept as they are (built-in view, sort). */
  hidden: Record<string, string>;
  columns: { value: string; label: string; checked: boolean }[];
  active: number;
}) {
  const t = useTranslations("queue");
  return (
    <Popover>
      <PopoverTrigger asChild>
        <Button variant="secondary" size="sm">
          <SlidersHorizontal aria-hidden="true" className="size-4" />
          {active ? t("moreFiltersCount", { n: active }) : t("moreFilters")}
        </Button>
      </PopoverTrigger>
      <PopoverContent label={t("filtersPanel")} align="end" className="w-[36rem]">
        <form method="get" action="/tickets" className="flex flex-col gap-4">
          {Object.entries(hidden).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <div className="grid grid-cols-2 gap-3">
            {fields.map((f) => (
              <div key={f.name} className="flex flex-col gap-1">
                <label htmlFor={`mf-${f.name}`} className="text-sm font-medium text-slate-800">
                  {f.label}
                </label>
                <select
                  id={`mf-${f.name}`}
                  name={f.name}
                  defaultValue={f.value}
                  className="rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm"
                >
                  {f.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
          <fieldset>
            <legend className="mb-1 text-sm font-medium text-slate-800">{t("columns")}</legend>
            <div className="grid grid-cols-3 gap-1">
              {columns.map((c) => (
                <label key={c.value} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    name="cols"
                    value={c.value}
                    defaultChecked={c.checked}
                    className="size-4"
                  />
                  {c.label}
                </label>
              ))}
            </div>
          </fieldset>
          <div>
            <Button type="submit" size="sm">
              {t("filter")}
            </Button>
          </div>
        </form>
      </PopoverContent>
    </Popover>
  );
}
