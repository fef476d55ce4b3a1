// Where billable activities of other domains come from: each domain (trainings, data migrations)
// exports a BillableActivityReader. Billing prices every activity with the grid in force on its date
// and links each line to its source.
import { billableMigrationActivities } from "../migrations/index.ts";
import type { BillableActivityReader } from "../shared/billable.ts";
import { billableTrainingActivities } from "../training/index.ts";

/** Dedicated training days, participant days, late cancellations; finished data-migration jobs. */
export const activityReaders: BillableActivityReader[] = [
  billableTrainingActivities,
  billableMigrationActivities,
];
