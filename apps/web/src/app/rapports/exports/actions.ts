"use server";
import { formText, runThenRedirect } from "../../../server/form-action.ts";
import { now } from "../../../server/clock.ts";
import type { FormState } from "../../../lib/form-state.ts";
import { filtersFrom, periodFrom } from "../params.ts";

/** Queues a background export of the report with the page's period and filters, then shows « Mes exports ». */
export async function requestExportAction(_: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    const search = Object.fromEntries(new URLSearchParams(formText(fd, "query")));
    const { id } = await c.reports.requestExport({
      reportId: formText(fd, "reportId"),
      period: periodFrom(search, now()),
      filters: filtersFrom(search),
      format: formText(fd, "format") as "csv",
    });
    return `/rapports/exports#export-${id}`;
  });
}
