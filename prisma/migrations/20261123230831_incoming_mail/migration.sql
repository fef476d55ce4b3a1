-- CreateEnum
CREATE TYPE "IncomingStatus" AS ENUM ('reply', 'ticket', 'quarantined', 'accepted', 'rejected', 'ignored');

-- CreateTable
CREATE TABLE "IncomingMail" (
    "id" UUID NOT NULL,
    "messageId" TEXT NOT NULL,
    "fromEmail" TEXT NOT NULL,
    "fromName" TEXT NOT NULL DEFAULT '',
    "subject" TEXT NOT NULL DEFAULT '',
    "text" TEXT NOT NULL DEFAULT '',
    "html" TEXT,
    "headers" JSONB NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "status" "IncomingStatus" NOT NULL,
    "reason" VARCHAR(40),
    "ticketId" UUID,
    "skipped" JSONB,
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IncomingMail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncomingAttachment" (
    "id" UUID NOT NULL,
    "incomingId" UUID NOT NULL,
    "fileId" UUID NOT NULL,

    CONSTRAINT "IncomingAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IncomingMail_messageId_key" ON "IncomingMail"("messageId");

-- CreateIndex
CREATE INDEX "IncomingMail_status_receivedAt_id_idx" ON "IncomingMail"("status", "receivedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "IncomingMail_receivedAt_id_idx" ON "IncomingMail"("receivedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "IncomingMail_ticketId_idx" ON "IncomingMail"("ticketId");

-- CreateIndex
CREATE UNIQUE INDEX "IncomingAttachment_fileId_key" ON "IncomingAttachment"("fileId");

-- CreateIndex
CREATE INDEX "IncomingAttachment_incomingId_idx" ON "IncomingAttachment"("incomingId");

-- AddForeignKey
ALTER TABLE "IncomingMail" ADD CONSTRAINT "IncomingMail_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncomingAttachment" ADD CONSTRAINT "IncomingAttachment_incomingId_fkey" FOREIGN KEY ("incomingId") REFERENCES "IncomingMail"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncomingAttachment" ADD CONSTRAINT "IncomingAttachment_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
