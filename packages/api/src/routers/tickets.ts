import { z } from "zod";
import {
  addMessage,
  assignableStaff,
  changeService,
  serviceInput,
  assignInput,
  assignTicket,
  bulkInput,
  bulkUpdate,
  byNumberInput,
  changePriority,
  changeStatus,
  createTicket,
  csatInput,
  deadlineInput,
  diagnosisInput,
  findTicketByNumber,
  getTicket,
  linkInput,
  linkTickets,
  listTickets,
  listTicketsInput,
  mergeInput,
  mergeTicket,
  messageInput,
  priorityInput,
  queueChanges,
  queueChangesInput,
  queueCounts,
  rateTicket,
  searchInput,
  searchTickets,
  servicesForBody,
  setDeadline,
  setDiagnosis,
  staffTicketInput,
  statusInput,
  ticketInput,
  unlinkInput,
  unlinkTickets,
} from "@mutuo/core/tickets";
import { authedProcedure, router } from "../trpc.ts";

const id = z.object({ id: z.string().uuid() });

export const ticketsRouter = router({
  list: authedProcedure
    .input(listTicketsInput)
    .query(({ ctx, input }) => listTickets(ctx.db, ctx.actor, input, ctx.now())),
  counts: authedProcedure.query(({ ctx }) => queueCounts(ctx.db, ctx.actor, ctx.now())),
  changes: authedProcedure
    .input(queueChangesInput)
    .query(({ ctx, input }) => queueChanges(ctx.db, ctx.actor, input, ctx.now())),
  get: authedProcedure.input(id).query(({ ctx, input }) => getTicket(ctx.db, ctx.actor, input.id, ctx.now())),
  search: authedProcedure
    .input(searchInput)
    .query(({ ctx, input }) => searchTickets(ctx.db, ctx.actor, input, ctx.now())),
  byNumber: authedProcedure
    .input(byNumberInput)
    .query(({ ctx, input }) => findTicketByNumber(ctx.db, ctx.actor, input, ctx.now())),
  services: authedProcedure
    .input(z.object({ bodyId: z.string().uuid() }))
    .query(({ ctx, input }) => servicesForBody(ctx.db, ctx.actor, input.bodyId, ctx.now())),
  assignable: authedProcedure.query(({ ctx }) => assignableStaff(ctx.db, ctx.actor)),
  create: authedProcedure
    .input(z.union([staffTicketInput, ticketInput]))
    .mutation(({ ctx, input }) => createTicket(ctx.db, ctx.files, ctx.actor, input, ctx.now())),
  setStatus: authedProcedure
    .input(statusInput)
    .mutation(({ ctx, input }) => changeStatus(ctx.db, ctx.actor, input, ctx.now())),
  assign: authedProcedure
    .input(assignInput)
    .mutation(({ ctx, input }) => assignTicket(ctx.db, ctx.actor, input, ctx.now())),
  bulk: authedProcedure
    .input(bulkInput)
    .mutation(({ ctx, input }) => bulkUpdate(ctx.db, ctx.actor, input, ctx.now())),
  setPriority: authedProcedure
    .input(priorityInput)
    .mutation(({ ctx, input }) => changePriority(ctx.db, ctx.actor, input, ctx.now())),
  setService: authedProcedure
    .input(serviceInput)
    .mutation(({ ctx, input }) => changeService(ctx.db, ctx.actor, input, ctx.now())),
  setDiagnosis: authedProcedure
    .input(diagnosisInput)
    .mutation(({ ctx, input }) => setDiagnosis(ctx.db, ctx.actor, input, ctx.now())),
  setDeadline: authedProcedure
    .input(deadlineInput)
    .mutation(({ ctx, input }) => setDeadline(ctx.db, ctx.actor, input, ctx.now())),
  addMessage: authedProcedure
    .input(messageInput)
    .mutation(({ ctx, input }) => addMessage(ctx.db, ctx.files, ctx.actor, input, ctx.now())),
  rate: authedProcedure
    .input(csatInput)
    .mutation(({ ctx, input }) => rateTicket(ctx.db, ctx.actor, input, ctx.now())),
  merge: authedProcedure
    .input(mergeInput)
    .mutation(({ ctx, input }) => mergeTicket(ctx.db, ctx.actor, input, ctx.now())),
  link: authedProcedure
    .input(linkInput)
    .mutation(({ ctx, input }) => linkTickets(ctx.db, ctx.actor, input, ctx.now())),
  unlink: authedProcedure
    .input(unlinkInput)
    .mutation(({ ctx, input }) => unlinkTickets(ctx.db, ctx.actor, input, ctx.now())),
});
