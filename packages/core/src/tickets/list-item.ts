// The fields of a ticket that the queue and the search show, shared by the Prisma and SQL readers.
import type { Prisma } from "@mutuo/db";

export const ticketListSelect = {
  id: true,
  number: true,
  subject: true,
  status: true,
  priority: true,
  channel: true,
  receivedAt: true,
  slaDueAt: true,
  slaState: true,
  interventionDueAt: true,
  interventionState: true,
  resolutionDueAt: true,
  resolutionState: true,
  interventionAt: true,
  resolvedAt: true,
  body: { select: { id: true, legalName: true } },
  service: { select: { id: true, name: true } },
  assignee: { select: { id: true, name: true } },
} satisfies Prisma.TicketSelect;
export type TicketListItem = Prisma.TicketGetPayload<{ select: typeof ticketListSelect }>;
