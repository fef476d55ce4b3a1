"use server";
import { formText, runThenRedirect } from "../../server/form-action.ts";
import { revalidatePath } from "next/cache";
import type { FormState } from "../../lib/form-state.ts";
import { parisLocalToDate } from "../../lib/paris-time.ts";
import { api } from "../../server/api.ts";
import { toFormState } from "../../server/form-errors.ts";

async function filesOf(fd: FormData, name = "attachments") {
  const files = fd.getAll(name).filter((f): f is File => f instanceof File && f.size > 0);
  return Promise.all(
    files.map(async (f) => ({
      fileName: f.name.slice(0, 200),
      mimeType: f.type || "application/octet-stream",
      contentBase64: Buffer.from(await f.arrayBuffer()).toString("base64"),
    })),
  );
}

export async function createTicketAction(staff: boolean, _: FormState, fd: FormData) {
  return runThenRedirect(
    fd,
    async (c) => {
      const base = {
        bodyId: formText(fd, "bodyId"),
        serviceId: formText(fd, "serviceId"),
        subject: formText(fd, "subject"),
        description: formText(fd, "description"),
        category: formText(fd, "category") as "fault",
        equipment: formText(fd, "equipment"),
        assetId: formText(fd, "assetId") || null,
        impact: formText(fd, "impact") as "high",
        urgency: formText(fd, "urgency") as "high",
        declarantName: formText(fd, "declarantName"),
        declarantPhone: formText(fd, "declarantPhone") || null,
        declarantEmail: formText(fd, "declarantEmail") || null,
        attachments: await filesOf(fd),
      };
      const t = staff
        ? await c.tickets.create({
            ...base,
            channel: formText(fd, "channel") as "phone",
            receivedAt: parisLocalToDate(formText(fd, "receivedAt")),
          })
        : await c.tickets.create(base);
      // The partner's page opens with a confirmation (see components/submitted-banner.tsx).
      return staff ? `/tickets/${t.id}` : `/tickets/${t.id}?envoyee=${t.number}`;
    },
    ["attachments"],
  );
}

export async function messageAction(ticketId: string, _: FormState, fd: FormData) {
  return runThenRedirect(
    fd,
    async (c) => {
      const kind = formText(fd, "kind") === "note" ? "note" : "reply";
      const then = formText(fd, "then");
      const until = formText(fd, "waitingUntil");
      await c.tickets.addMessage({
        ticketId,
        kind,
        body: formText(fd, "body"),
        attachments: await filesOf(fd),
        then: kind === "reply" && (then === "wait" || then === "resolve") ? then : undefined,
        waitingUntil: kind === "reply" && then === "wait" && until ? parisLocalToDate(until) : undefined,
      });
      return `/tickets/${ticketId}#conversation`;
    },
    ["attachments"],
  );
}

export async function statusAction(ticketId: string, fixed: string | null, _: FormState, fd: FormData) {
  return runThenRedirect(
    fd,
    async (c) => (
      await c.tickets.setStatus({
        ticketId,
        status: (fixed ?? formText(fd, "status")) as "new",
        comment: formText(fd, "comment") || undefined,
        waitingUntil: formText(fd, "waitingUntil")
          ? parisLocalToDate(formText(fd, "waitingUntil"))
          : undefined,
      }),
      `/tickets/${ticketId}`
    ),
  );
}

export async function assignAction(ticketId: string, _: FormState, fd: FormData) {
  return runThenRedirect(
    fd,
    async (c) => (
      await c.tickets.assign({ ticketId, assigneeId: formText(fd, "assigneeId") || null }),
      `/tickets/${ticketId}`
    ),
  );
}

/** « Me l'attribuer »: the signed-in person takes the ticket in one click. */
export async function takeAction(ticketId: string, userId: string, _: FormState, fd: FormData) {
  return runThenRedirect(
    fd,
    async (c) => (await c.tickets.assign({ ticketId, assigneeId: userId }), `/tickets/${ticketId}`),
  );
}

export async function priorityAction(ticketId: string, _: FormState, fd: FormData) {
  return runThenRedirect(
    fd,
    async (c) => (
      await c.tickets.setPriority({
        ticketId,
        impact: formText(fd, "impact") as "high",
        urgency: formText(fd, "urgency") as "high",
      }),
      `/tickets/${ticketId}`
    ),
  );
}

export async function diagnosisAction(ticketId: string, _: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    const eta = formText(fd, "estimatedRestorationAt");
    await c.tickets.setDiagnosis({
      ticketId,
      diagnosis: formText(fd, "diagnosis"),
      estimatedRestorationAt: eta ? parisLocalToDate(eta) : null,
    });
    return `/tickets/${ticketId}`;
  });
}

export async function deadlineAction(ticketId: string, _: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    const due = formText(fd, "dueAt");
    await c.tickets.setDeadline({
      ticketId,
      target: formText(fd, "target") === "intervention" ? "intervention" : "resolution",
      dueAt: due ? parisLocalToDate(due) : null,
      reason: formText(fd, "reason"),
    });
    return `/tickets/${ticketId}`;
  });
}

export async function mergeAction(ticketId: string, _: FormState, fd: FormData) {
  return runThenRedirect(
    fd,
    async (c) => (
      await c.tickets.merge({ ticketId, intoNumber: formText(fd, "intoNumber") }),
      `/tickets/${ticketId}`
    ),
  );
}

export async function linkAction(ticketId: string, _: FormState, fd: FormData) {
  return runThenRedirect(
    fd,
    async (c) => (
      await c.tickets.link({ ticketId, otherNumber: formText(fd, "otherNumber") }),
      `/tickets/${ticketId}`
    ),
  );
}

export async function rateAction(ticketId: string, _: FormState, fd: FormData) {
  return runThenRedirect(
    fd,
    async (c) => (
      await c.tickets.rate({
        ticketId,
        score: Number(formText(fd, "score")),
        comment: formText(fd, "comment") || undefined,
      }),
      `/tickets/${ticketId}`
    ),
  );
}

export async function bulkAction(_: FormState, fd: FormData): Promise<FormState> {
  const ticketIds = fd.getAll("ticketIds").map(String);
  const assignee = formText(fd, "bulkAssignee");
  const status = formText(fd, "bulkStatus");
  try {
    const res = await (
      await api()
    ).tickets.bulk({
      ticketIds,
      assigneeId: assignee === "" ? undefined : assignee === "none" ? null : assignee,
      status: (status || undefined) as "new" | undefined,
    });
    revalidatePath("/", "layout");
    return { ok: true, data: res };
  } catch (e) {
    return toFormState(e, {});
  }
}

export async function serviceAction(ticketId: string, _: FormState, fd: FormData) {
  return runThenRedirect(
    fd,
    async (c) => (
      await c.tickets.setService({ ticketId, serviceId: formText(fd, "serviceId") }),
      `/tickets/${ticketId}`
    ),
  );
}
