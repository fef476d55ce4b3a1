-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "declarantAnonymisedAt" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "IncomingMail_fromEmail_idx" ON "IncomingMail"("fromEmail");

-- CreateIndex
CREATE INDEX "Ticket_createdById_idx" ON "Ticket"("createdById");

-- Hand-written: the retention run's selection (closed or cancelled tickets not yet anonymised, by the
-- instant they ended; cancelled tickets have no closedAt and end at their last update), and the
-- lookup of a person's declarant fields when that person is anonymised.
CREATE INDEX "Ticket_retention" ON "Ticket" ((COALESCE("closedAt", "updatedAt")), "id")
  WHERE "declarantAnonymisedAt" IS NULL AND "status" IN ('closed', 'cancelled');
CREATE INDEX "Ticket_declarantEmail_lower" ON "Ticket" (lower("declarantEmail"));
