"use server";
// The presence heartbeat of a ticket's page, through the same tRPC caller as every action. A beat
// that cannot be recorded (signed out meanwhile, ticket gone) is simply missed: no one is shown.
import { api } from "../../../server/api.ts";

export async function heartbeatAction(ticketId: string, replying: boolean) {
  try {
    return await (await api()).tickets.heartbeat({ ticketId, replying });
  } catch {
    return [];
  }
}

export async function leaveAction(ticketId: string) {
  try {
    await (await api()).tickets.leave({ ticketId });
  } catch {
    /* signed out or gone: the presence expires with its TTL */
  }
}
