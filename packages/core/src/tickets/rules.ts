// Pure rules of tickets: priority matrix, status transitions, readable numbers.
import type { Level, Priority, Role, TicketStatus } from "@mutuo/db";

export const LEVELS = ["high", "medium", "low"] as const;
export const STATUSES = [
  "new",
  "assigned",
  "in_progress",
  "waiting_partner",
  "resolved",
  "closed",
  "cancelled",
] as const;
export const OPEN_STATUSES: TicketStatus[] = ["new", "assigned", "in_progress", "waiting_partner"];
export const CATEGORIES = ["fault", "request", "question", "security"] as const;

/** Impact × urgency → priority (ITIL-style matrix). */
export function priorityOf(impact: Level, urgency: Level): Priority {
  const score = { high: 3, medium: 2, low: 1 }[impact] + { high: 3, medium: 2, low: 1 }[urgency];
  if (score >= 6) return "critical";
  if (score === 5) return "high";
  if (score === 4) return "medium";
  return "low";
}

const staffMoves: Record<TicketStatus, TicketStatus[]> = {
  new: ["assigned", "in_progress", "waiting_partner", "resolved", "cancelled"],
  assigned: ["new", "in_progress", "waiting_partner", "resolved", "cancelled"],
  in_progress: ["assigned", "waiting_partner", "resolved", "cancelled"],
  waiting_partner: ["in_progress", "resolved", "cancelled"],
  resolved: ["in_progress", "closed"],
  closed: [],
  cancelled: [],
};
const agentMoves: Partial<Record<TicketStatus, TicketStatus[]>> = {
  new: ["cancelled"],
  assigned: ["cancelled"],
  resolved: ["in_progress"], // reopen
};

export function canMove(from: TicketStatus, to: TicketStatus, role: Role): boolean {
  const moves = role === "agent" ? (agentMoves[from] ?? []) : staffMoves[from];
  return moves.includes(to);
}

export const isReopen = (from: TicketStatus, to: TicketStatus) => from === "resolved" && to === "in_progress";

export function ticketNumber(year: number, seq: number): string {
  return `SOS-${year}-${String(seq).padStart(6, "0")}`;
}

/** A ticket number as people say or type it: "SOS-2026-000002", "2026-2", "000002" (any year). */
export function parseTicketNumber(q: string): { year: number | null; seq: number } | null {
  // Separators as people type them ("SOS 2026 2", "2026/2", "SOS-2026-000002") become one dash.
  const s = q
    .trim()
    .toUpperCase()
    .replace(/[\s\-/.]+/g, "-");
  const full = /^(?:SOS-?)?(\d{4})-?(\d{6})$/.exec(s) ?? /^(?:SOS-)?(\d{4})-(\d{1,6})$/.exec(s);
  if (full) return Number(full[2]) > 0 ? { year: Number(full[1]), seq: Number(full[2]) } : null;
  const bare = /^(?:SOS-?)?(\d{1,6})$/.exec(s);
  return bare && Number(bare[1]) > 0 ? { year: null, seq: Number(bare[1]) } : null;
}

/** Ticket numbers a query may mean, most likely first: without a year, this year then earlier ones. */
export function ticketNumberCandidates(q: string, currentYear: number, years = 10): string[] {
  const n = parseTicketNumber(q);
  if (!n) return [];
  if (n.year !== null) return [ticketNumber(n.year, n.seq)];
  return Array.from({ length: years }, (_, i) => ticketNumber(currentYear - i, n.seq));
}
