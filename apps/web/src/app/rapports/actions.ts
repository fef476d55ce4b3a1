"use server";
import { formText, runThenRedirect, runThenStay } from "../../server/form-action.ts";
import type { FormState } from "../../lib/form-state.ts";

/** The fields of the subscription form, as the procedures take them. */
const subscriptionFields = (fd: FormData) => {
  const body = formText(fd, "body");
  return {
    label: formText(fd, "label"),
    filters: (body ? { body } : {}) as Record<string, string>,
    frequency: (formText(fd, "frequency") || "monthly") as "monthly",
    endsOn: formText(fd, "endsOn") || undefined,
    toManagers: fd.get("toManagers") === "on",
    agentsOfBodyId: formText(fd, "agentsOfBodyId") || undefined,
    emails: formText(fd, "emails")
      .split(/[\s,;]+/)
      .filter(Boolean),
    format: (formText(fd, "format") === "link" ? "link" : "pdf") as "link" | "pdf",
  };
};

export async function subscribeAction(_: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    await c.reports.subscribe({ reportId: formText(fd, "reportId") || "sla", ...subscriptionFields(fd) });
    return "/rapports";
  });
}

export async function updateSubscriptionAction(_: FormState, fd: FormData) {
  return runThenStay(fd, (c) =>
    c.reports.updateSubscription({ id: formText(fd, "id"), ...subscriptionFields(fd) }),
  );
}

export async function pauseSubscriptionAction(_: FormState, fd: FormData) {
  return runThenStay(fd, (c) =>
    c.reports.pause({ id: formText(fd, "id"), paused: formText(fd, "paused") === "true" }),
  );
}
