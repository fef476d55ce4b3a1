import { z } from "zod";
import {
  addMessage, assignableStaff, assignInput, assignTicket, bulkInput, bulkUpdate, changePriority, changeStatus, createTicket, csatInput, deadlineInput, diagnosisInput,
  getTicket, linkInput, linkTickets, listTickets, listTicketsInput, mergeInput, mergeTicket, messageInput, priorityInput, queueCounts, rateTicket, searchInput,
  searchTickets, servicesForBody, setDeadline, setDiagnosis, staffTicketInput, statusInput, ticketInput, unlinkInput, unlinkTickets,
} from "@mutuo/core/tickets";
import { authedProcedure, router } from "../trpc.ts";

const id = z.object({ id: z.string().uuid() });

export const ticketsRouter = router({
  list: authedProcedure.input(listTicketsInput).query(({ ctx, input }) => listTickets(ctx.db, ctx.actor, input)),
  counts: authedProcedure.query(({ ctx }) => queueCounts(ctx.db, ctx.actor)),
  get: authedProcedure.input(id).query(({ ctx, input }) => getTicket(ctx.db, ctx.actor, input.id)),
  search: authedProcedure.input(searchInput).query(({ ctx, input }) => searchTickets(ctx.db, ctx.actor, input)),
  services: authedProcedure.input(z.object({ bodyId: z.string().uuid() })).query(({ ctx, input }) => servicesForBody(ctx.db, ctx.actor, input.bodyId)),
  assignable: authedProcedure.query(({ ctx }) => assignableStaff(ctx.db, ctx.actor)),
  create: authedProcedure.input(z.union([staffTicketInput, ticketInput])).mutation(({ ctx, input }) => createTicket(ctx.db, ctx.files, ctx.actor, input)),
  setStatus: authedProcedure.input(statusInput).mutation(({ ctx, input }) => changeStatus(ctx.db, ctx.actor, input)),
  assign: authedProcedure.input(assignInput).mutation(({ ctx, input }) => assignTicket(ctx.db, ctx.actor, input)),
  bulk: authedProcedure.input(bulkInput).mutation(({ ctx, input }) => bulkUpdate(ctx.db, ctx.actor, input)),
  setPriority: authedProcedure.input(priorityInput).mutation(({ ctx, input }) => changePriority(ctx.db, ctx.actor, input)),
  setDiagnosis: authedProcedure.input(diagnosisInput).mutation(({ ctx, input }) => setDiagnosis(ctx.db, ctx.actor, input)),
  setDeadline: authedProcedure.input(deadlineInput).mutation(({ ctx, input }) => setDeadline(ctx.db, ctx.actor, input)),
  addMessage: authedProcedure.input(messageInput).mutation(({ ctx, input }) => addMessage(ctx.db, ctx.files, ctx.actor, input)),
  rate: authedProcedure.input(csatInput).mutation(({ ctx, input }) => rateTicket(ctx.db, ctx.actor, input)),
  merge: authedProcedure.input(mergeInput).mutation(({ ctx, input }) => mergeTicket(ctx.db, ctx.actor, input)),
  link: authedProcedure.input(linkInput).mutation(({ ctx, input }) => linkTickets(ctx.db, ctx.actor, input)),
  unlink: authedProcedure.input(unlinkInput).mutation(({ ctx, input }) => unlinkTickets(ctx.db, ctx.actor, input)),
});
