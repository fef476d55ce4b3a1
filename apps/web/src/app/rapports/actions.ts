"use server";
import { formText, runThenRedirect } from "../../server/form-action.ts";
import type { FormState } from "../../lib/form-state.ts";

export async function subscribeAction(_: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    const body = formText(fd, "body");
    await c.reports.subscribe({
      reportId: formText(fd, "reportId") || "sla",
      label: formText(fd, "label"),
      filters: body ? { body } : {},
      frequency: (formText(fd, "frequency") || "monthly") as "monthly",
      endsOn: formText(fd, "endsOn") || undefined,
      toManagers: fd.get("toManagers") === "on",
      agentsOfBodyId: formText(fd, "agentsOfBodyId") || undefined,
      emails: formText(fd, "emails")
        .split(/[\s,;]+/)
        .filter(Boolean),
      format: formText(fd, "format") === "link" ? "link" : "pdf",
    });
    return "/rapports";
  });
}
