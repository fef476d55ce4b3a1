"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { formValues, type FormState } from "../../lib/form-state.ts";
import { parisLocalToDate } from "../../lib/paris-time.ts";
import { api } from "../../server/api.ts";
import { toFormState } from "../../server/form-errors.ts";

type Caller = Awaited<ReturnType<typeof api>>;
const text = (fd: FormData, k: string) => String(fd.get(k) ?? "").trim();

async function filesOf(fd: FormData, name = "attachments") {
  const files = fd.getAll(name).filter((f): f is File => f instanceof File && f.size > 0);
  return Promise.all(files.map(async (f) => ({ fileName: f.name.slice(0, 200), mimeType: f.type || "application/octet-stream", contentBase64: Buffer.from(await f.arrayBuffer()).toString("base64") })));
}

async function run(fd: FormData, change: (c: Caller) => Promise<string>, omit: string[] = []): Promise<FormState> {
  let target: string;
  try {
    target = await change(await api());
  } catch (e) {
    return toFormState(e, formValues(fd, omit));
  }
  revalidatePath("/", "layout");
  redirect(target);
}

export async function createTicketAction(staff: boolean, _: FormState, fd: FormData) {
  return run(fd, async (c) => {
    const base = {
      bodyId: text(fd, "bodyId"), serviceId: text(fd, "serviceId"), subject: text(fd, "subject"), description: text(fd, "description"),
      category: text(fd, "category") as "fault", equipment: text(fd, "equipment"), impact: text(fd, "impact") as "high", urgency: text(fd, "urgency") as "high",
      declarantName: text(fd, "declarantName"), declarantPhone: text(fd, "declarantPhone") || null, declarantEmail: text(fd, "declarantEmail") || null,
      attachments: await filesOf(fd),
    };
    const t = staff ? await c.tickets.create({ ...base, channel: text(fd, "channel") as "phone", receivedAt: parisLocalToDate(text(fd, "receivedAt")) }) : await c.tickets.create(base);
    return `/tickets/${t.id}`;
  }, ["attachments"]);
}

export async function messageAction(ticketId: string, _: FormState, fd: FormData) {
  return run(fd, async (c) => {
    await c.tickets.addMessage({ ticketId, kind: text(fd, "kind") === "note" ? "note" : "reply", body: text(fd, "body"), attachments: await filesOf(fd) });
    return `/tickets/${ticketId}#conversation`;
  }, ["attachments"]);
}

export async function statusAction(ticketId: string, fixed: string | null, _: FormState, fd: FormData) {
  return run(fd, async (c) => (await c.tickets.setStatus({ ticketId, status: (fixed ?? text(fd, "status")) as "new", comment: text(fd, "comment") || undefined }), `/tickets/${ticketId}`));
}

export async function assignAction(ticketId: string, _: FormState, fd: FormData) {
  return run(fd, async (c) => (await c.tickets.assign({ ticketId, assigneeId: text(fd, "assigneeId") || null }), `/tickets/${ticketId}`));
}

export async function priorityAction(ticketId: string, _: FormState, fd: FormData) {
  return run(fd, async (c) => (await c.tickets.setPriority({ ticketId, impact: text(fd, "impact") as "high", urgency: text(fd, "urgency") as "high" }), `/tickets/${ticketId}`));
}

export async function diagnosisAction(ticketId: string, _: FormState, fd: FormData) {
  return run(fd, async (c) => {
    const eta = text(fd, "estimatedRestorationAt");
    await c.tickets.setDiagnosis({ ticketId, diagnosis: text(fd, "diagnosis"), estimatedRestorationAt: eta ? parisLocalToDate(eta) : null });
    return `/tickets/${ticketId}`;
  });
}

export async function deadlineAction(ticketId: string, _: FormState, fd: FormData) {
  return run(fd, async (c) => {
    const due = text(fd, "dueAt");
    await c.tickets.setDeadline({ ticketId, target: text(fd, "target") === "intervention" ? "intervention" : "resolution", dueAt: due ? parisLocalToDate(due) : null, reason: text(fd, "reason") });
    return `/tickets/${ticketId}`;
  });
}

export async function mergeAction(ticketId: string, _: FormState, fd: FormData) {
  return run(fd, async (c) => (await c.tickets.merge({ ticketId, intoNumber: text(fd, "intoNumber") }), `/tickets/${ticketId}`));
}

export async function linkAction(ticketId: string, _: FormState, fd: FormData) {
  return run(fd, async (c) => (await c.tickets.link({ ticketId, otherNumber: text(fd, "otherNumber") }), `/tickets/${ticketId}`));
}

export async function rateAction(ticketId: string, _: FormState, fd: FormData) {
  return run(fd, async (c) => (await c.tickets.rate({ ticketId, score: Number(text(fd, "score")), comment: text(fd, "comment") || undefined }), `/tickets/${ticketId}`));
}

export async function bulkAction(_: FormState, fd: FormData): Promise<FormState> {
  const ticketIds = fd.getAll("ticketIds").map(String);
  const assignee = text(fd, "bulkAssignee");
  const status = text(fd, "bulkStatus");
  try {
    const res = await (await api()).tickets.bulk({ ticketIds, assigneeId: assignee === "" ? undefined : assignee === "none" ? null : assignee, status: (status || undefined) as "new" | undefined });
    revalidatePath("/", "layout");
    return { ok: true, data: res };
  } catch (e) {
    return toFormState(e, {});
  }
}

export async function serviceAction(ticketId: string, _: FormState, fd: FormData) {
  return run(fd, async (c) => (await c.tickets.setService({ ticketId, serviceId: text(fd, "serviceId") }), `/tickets/${ticketId}`));
}
