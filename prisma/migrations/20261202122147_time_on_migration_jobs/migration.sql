-- Time may be logged on a data-migration job as well as on a ticket: exactly one of them.

-- AlterTable
ALTER TABLE "TimeEntry" ADD COLUMN     "migrationJobId" UUID,
ALTER COLUMN "ticketId" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "TimeEntry_migrationJobId_workedOn_idx" ON "TimeEntry"("migrationJobId", "workedOn");

-- AddForeignKey
ALTER TABLE "TimeEntry" ADD CONSTRAINT "TimeEntry_migrationJobId_fkey" FOREIGN KEY ("migrationJobId") REFERENCES "MigrationJob"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: an entry belongs to a ticket or to a job, never both, never neither.
ALTER TABLE "TimeEntry" ADD CONSTRAINT "TimeEntry_one_subject_check"
  CHECK (num_nonnulls("ticketId", "migrationJobId") = 1);
