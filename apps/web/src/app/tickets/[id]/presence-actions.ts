"use server";
// The presence heartbeat of a ticket's page, through the same tRPC caller as every action.
import { api } from "../../../server/api.ts";

export async function heartbeatAction(ticketId: string, replying: boolean) {
  const c = await api();
  return c.tickets.heartbeat({ ticketId, replying });
}

export async function leaveAction(ticketId: string) {
  const c = await api();
  await c.tickets.leave({ ticketId });
}
