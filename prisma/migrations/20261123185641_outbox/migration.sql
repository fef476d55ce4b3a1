-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('pending', 'sent', 'failed');

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" UUID NOT NULL,
    "dedupKey" TEXT NOT NULL,
    "template" VARCHAR(60) NOT NULL,
    "data" JSONB NOT NULL,
    "toEmail" TEXT NOT NULL,
    "toUserId" UUID,
    "locale" VARCHAR(5) NOT NULL DEFAULT 'fr',
    "messageId" TEXT NOT NULL,
    "inReplyTo" TEXT,
    "ticketId" UUID,
    "subject" TEXT,
    "text" TEXT,
    "html" TEXT,
    "status" "OutboxStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_dedupKey_key" ON "OutboxMessage"("dedupKey");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_messageId_key" ON "OutboxMessage"("messageId");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_createdAt_id_idx" ON "OutboxMessage"("createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "OutboxMessage_ticketId_idx" ON "OutboxMessage"("ticketId");
