-- CreateIndex
CREATE INDEX "Ticket_status_slaState_slaDueAt_bodyId_idx" ON "Ticket"("status", "slaState", "slaDueAt", "bodyId");
