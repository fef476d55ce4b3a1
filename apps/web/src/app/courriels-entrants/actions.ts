"use server";
import { formText, runThenRedirect } from "../../server/form-action.ts";
import type { FormState } from "../../lib/form-state.ts";

export async function acceptAsTicketAction(id: string, _: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    const r = await c.incoming.accept({
      id,
      as: "ticket",
      bodyId: formText(fd, "bodyId"),
      serviceId: formText(fd, "serviceId"),
      category: formText(fd, "category") as "fault",
      impact: formText(fd, "impact") as "medium",
      urgency: formText(fd, "urgency") as "medium",
      declarantName: formText(fd, "declarantName"),
    });
    return `/tickets/${r.ticketId}`;
  });
}

export async function acceptAsReplyAction(id: string, _: FormState, fd: FormData) {
  return runThenRedirect(
    fd,
    async (c) => `/tickets/${(await c.incoming.accept({ id, as: "reply" })).ticketId}#conversation`,
  );
}

export async function rejectAction(id: string, _: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => (await c.incoming.reject({ id }), "/courriels-entrants"));
}
