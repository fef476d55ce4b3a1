// Where billable activities of other domains come from: each domain (trainings, data migrations)
// exports a BillableActivityReader; the app wires them here. Billing prices every activity with the
// grid in force on its date and links each line to its source.
import type { BillableActivityReader } from "../shared/billable.ts";

/** Readers wired by the application (trainings, migrations…); empty until those domains land. */
export const activityReaders: BillableActivityReader[] = [];
