// What other domains hand to billing: billable activities (a dedicated training day, a late
// cancellation, a data-migration job…). Each domain exports a reader returning these for a body and
// a period; billing prices them with the grid in force and explains every line with its source.
import type { Db } from "@mutuo/db";

export type BillableActivityKind =
  "training_dedicated_day" | "training_participant_day" | "training_late_cancellation" | "migration_job";

export type BillableActivity = {
  kind: BillableActivityKind;
  bodyId: string;
  serviceId: string;
  /** The convention it falls under, when known. */
  conventionId: string | null;
  /** Local date (Europe/Paris) "YYYY-MM-DD" of the activity (the session's day, the job's completion). */
  occurredOn: string;
  /** Quantity in `unit` (days, half-days expressed as 0.5, rows, participants…). */
  quantity: number;
  unit: "day" | "session" | "participant" | "row" | "job";
  /** French label of the line, e.g. « Formation dédiée : Initiation GRU — 2 jours ». */
  label: string;
  /** Where it comes from, for the statement's « source » link. */
  source: { type: "training_session" | "training_registration" | "migration_job"; id: string; ref: string };
  /** Row count for migrations billed by row bands. */
  rows?: number;
};

export type BillableActivityReader = (
  db: Db,
  query: { bodyIds: string[]; from: string; to: string },
) => Promise<BillableActivity[]>;
