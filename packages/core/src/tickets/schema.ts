import { z } from "zod";
import { UPLOAD_TYPES } from "../files/index.ts";
import { CATEGORIES, LEVELS, STATUSES } from "./rules.ts";
import { text } from "../shared/text.ts";
import { instantInput } from "../shared/dates.ts";

const uuid = text().uuid();
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 5;

export const attachmentInput = z.object({
  fileName: text().trim().min(1, "required").max(200),
  mimeType: z.enum(Object.values(UPLOAD_TYPES) as [string, ...string[]], { message: "file_type" }),
  contentBase64: text()
    .min(1, "required")
    .max(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 4, "file_too_large"),
});
export type AttachmentInput = z.input<typeof attachmentInput>;

const optionalText = (max: number) =>
  text()
    .trim()
    .max(max)
    .nullish()
    .transform((s) => s || null);

/** What every ticket needs, whoever reports it: declarant, nature, description, service, equipment. */
export const ticketInput = z.object({
  bodyId: uuid,
  serviceId: uuid,
  subject: text().trim().min(3, "subject_short").max(200),
  description: text().trim().min(10, "description_short").max(20_000),
  category: z.enum(CATEGORIES),
  equipment: text().trim().max(500).default(""),
  /** The registered asset concerned (for an agent: one their body holds); the free text stays for the rest. */
  assetId: uuid
    .nullish()
    .or(z.literal(""))
    .transform((s) => s || null),
  impact: z.enum(LEVELS),
  urgency: z.enum(LEVELS),
  declarantName: text().trim().min(2, "required").max(120),
  declarantPhone: optionalText(40).pipe(
    text()
      .regex(/^[+0-9 ().-]{6,40}$/, "phone")
      .nullable(),
  ),
  declarantEmail: optionalText(200).pipe(text().email("email").nullable()),
  attachments: z.array(attachmentInput).max(MAX_ATTACHMENTS, "too_many_files").default([]),
});
export type TicketInput = z.input<typeof ticketInput>;

/** A technician's entry of a phone call, e-mail or letter, with the instant it was received. */
export const staffTicketInput = ticketInput.extend({
  channel: z.enum(["email", "phone", "letter", "portal"]),
  receivedAt: instantInput(),
});
export type StaffTicketInput = z.input<typeof staffTicketInput>;

export const QUEUE_SORTS = ["received", "deadline", "priority"] as const;
export const QUEUE_VIEWS = ["all", "mine", "unassigned", "breaching"] as const;

export const listTicketsInput = z.object({
  view: z.enum(QUEUE_VIEWS).default("all"),
  status: z.array(z.enum(STATUSES)).max(7).optional(),
  open: z.boolean().optional(),
  priority: z.enum(["critical", "high", "medium", "low"]).optional(),
  bodyId: uuid.optional(),
  serviceId: uuid.optional(),
  assigneeId: uuid.optional(),
  channel: z.enum(["portal", "email", "phone", "letter"]).optional(),
  slaState: z.enum(["none", "ok", "warning", "breached", "met", "paused"]).optional(),
  sort: z.enum(QUEUE_SORTS).default("received"),
  cursor: text().max(500).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type ListTicketsInput = z.input<typeof listTicketsInput>;

/** The queue's filters and where the page stood when loaded (an opaque mark; none: just the mark). */
export const queueChangesInput = listTicketsInput.omit({ cursor: true, limit: true }).extend({
  since: text().max(200).optional(),
});

/** Waiting on the partner until this instant (then the assignee is reminded): optional. */
const waitingUntil = z.coerce.date({ message: "date" }).nullish();

export const statusInput = z.object({
  ticketId: uuid,
  status: z.enum(STATUSES),
  comment: text().trim().max(5000).optional(),
  waitingUntil,
});
export const assignInput = z.object({ ticketId: uuid, assigneeId: uuid.nullable() });
export const bulkInput = z.object({
  ticketIds: z.array(uuid).min(1, "required").max(100),
  assigneeId: uuid.nullable().optional(),
  status: z.enum(STATUSES).optional(),
});
export const serviceInput = z.object({ ticketId: uuid, serviceId: uuid });
export const priorityInput = z.object({ ticketId: uuid, impact: z.enum(LEVELS), urgency: z.enum(LEVELS) });
export const diagnosisInput = z.object({
  ticketId: uuid,
  diagnosis: text().trim().min(3, "required").max(5000),
  estimatedRestorationAt: instantInput().nullable(),
});
export const deadlineInput = z.object({
  ticketId: uuid,
  target: z.enum(["intervention", "resolution"]),
  dueAt: instantInput().nullable(),
  reason: text().trim().min(3, "required").max(500),
});
/** What a staff reply does to the ticket in the same action: wait on the partner, or resolve. */
export const REPLY_THEN = ["wait", "resolve"] as const;
export const messageInput = z.object({
  ticketId: uuid,
  kind: z.enum(["reply", "note"]),
  body: text().trim().min(1, "required").max(20_000),
  attachments: z.array(attachmentInput).max(MAX_ATTACHMENTS, "too_many_files").default([]),
  then: z.enum(REPLY_THEN).optional(),
  waitingUntil,
});
export const presenceInput = z.object({ ticketId: uuid, replying: z.boolean().default(false) });
export const mergeInput = z.object({
  ticketId: uuid,
  intoNumber: text()
    .trim()
    .regex(/^SOS-\d{4}-\d{6}$/i, "ticket_number"),
});
export const linkInput = z.object({
  ticketId: uuid,
  otherNumber: text()
    .trim()
    .regex(/^SOS-\d{4}-\d{6}$/i, "ticket_number"),
});
export const unlinkInput = z.object({ ticketId: uuid, otherId: uuid });
export const csatInput = z.object({
  ticketId: uuid,
  score: z.number().int().min(1, "csat").max(5, "csat"),
  comment: text().trim().max(2000).optional(),
});
export const searchInput = z.object({
  q: text().trim().min(2, "search_short").max(200),
  limit: z.number().int().min(1).max(100).default(50),
});
export const byNumberInput = z.object({ q: text().trim().min(1).max(40) });

/** What happens when a wait on the partner reaches its date (the worker reads it from its environment). */
export const waitingSettingsInput = z.object({
  reminders: z.number().int().min(0).max(10).default(0),
  reminderDays: z.number().int().min(1).max(60).default(3),
  autoClose: z.boolean().default(false),
});
