-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "waitingHandledFor" TIMESTAMPTZ(3),
ADD COLUMN     "waitingReminders" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "waitingUntil" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "CannedReply" (
    "id" UUID NOT NULL,
    "title" VARCHAR(120) NOT NULL,
    "body" TEXT NOT NULL,
    "ownerId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CannedReply_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TicketPresence" (
    "ticketId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "replying" BOOLEAN NOT NULL DEFAULT false,
    "seenAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TicketPresence_pkey" PRIMARY KEY ("ticketId","userId")
);

-- CreateIndex
CREATE INDEX "CannedReply_ownerId_title_idx" ON "CannedReply"("ownerId", "title");

-- CreateIndex
CREATE INDEX "TicketPresence_seenAt_idx" ON "TicketPresence"("seenAt");

-- CreateIndex
CREATE INDEX "Ticket_status_waitingUntil_idx" ON "Ticket"("status", "waitingUntil");

-- AddForeignKey
ALTER TABLE "CannedReply" ADD CONSTRAINT "CannedReply_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketPresence" ADD CONSTRAINT "TicketPresence_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketPresence" ADD CONSTRAINT "TicketPresence_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
