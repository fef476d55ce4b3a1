"use server";
// Saved queue views from the queue page: save the current filters, rename, delete.
import { parseColumns, queueFilters } from "@mutuo/core/tickets";
import type { FormState } from "../../lib/form-state.ts";
import { formText, runThenRedirect } from "../../server/form-action.ts";
import { viewHref } from "./view-href.ts";

function filtersOf(fd: FormData): Record<string, string> {
  try {
    return JSON.parse(formText(fd, "filters") || "{}") as Record<string, string>;
  } catch {
    return {};
  }
}

export async function createViewAction(_: FormState, fd: FormData): Promise<FormState> {
  return runThenRedirect(fd, async (c) => {
    const filters = queueFilters.parse(filtersOf(fd));
    const columns = parseColumns(formText(fd, "cols"));
    const view = await c.views.create({
      name: formText(fd, "name"),
      shared: fd.get("shared") === "on",
      filters,
      columns,
    });
    return viewHref({ id: view.id, filters, columns });
  });
}

export async function renameViewAction(back: string, _: FormState, fd: FormData): Promise<FormState> {
  return runThenRedirect(fd, async (c) => {
    await c.views.rename({ id: formText(fd, "id"), name: formText(fd, "name") });
    return back;
  });
}

export async function deleteViewAction(_: FormState, fd: FormData): Promise<FormState> {
  return runThenRedirect(fd, async (c) => {
    await c.views.remove({ id: formText(fd, "id") });
    return "/tickets";
  });
}
