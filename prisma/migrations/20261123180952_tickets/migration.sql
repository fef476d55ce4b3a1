-- CreateEnum
CREATE TYPE "TicketStatus" AS ENUM ('new', 'assigned', 'in_progress', 'waiting_partner', 'resolved', 'closed', 'cancelled');

-- CreateEnum
CREATE TYPE "TicketCategory" AS ENUM ('fault', 'request', 'question', 'security');

-- CreateEnum
CREATE TYPE "Level" AS ENUM ('high', 'medium', 'low');

-- CreateEnum
CREATE TYPE "SlaState" AS ENUM ('none', 'ok', 'warning', 'breached', 'met', 'paused');

-- CreateEnum
CREATE TYPE "TicketMessageKind" AS ENUM ('reply', 'note', 'event');

-- CreateTable
CREATE TABLE "Ticket" (
    "id" UUID NOT NULL,
    "number" VARCHAR(20) NOT NULL,
    "bodyId" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "subject" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "category" "TicketCategory" NOT NULL,
    "equipment" TEXT NOT NULL DEFAULT '',
    "impact" "Level" NOT NULL,
    "urgency" "Level" NOT NULL,
    "priority" "Priority" NOT NULL,
    "channel" "Channel" NOT NULL,
    "status" "TicketStatus" NOT NULL DEFAULT 'new',
    "declarantName" TEXT NOT NULL,
    "declarantPhone" TEXT,
    "declarantEmail" TEXT,
    "createdById" UUID,
    "assigneeId" UUID,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "interventionAt" TIMESTAMPTZ(3),
    "resolvedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "diagnosis" TEXT,
    "estimatedRestorationAt" TIMESTAMPTZ(3),
    "mergedIntoId" UUID,
    "csatScore" INTEGER,
    "csatComment" TEXT,
    "csatAt" TIMESTAMPTZ(3),
    "termsSource" VARCHAR(12) NOT NULL DEFAULT 'none',
    "conventionId" UUID,
    "conventionVersionId" UUID,
    "slaCalendar" JSONB,
    "interventionMinutes" INTEGER,
    "interventionBasis" "TimeBasis",
    "resolutionMinutes" INTEGER,
    "resolutionBasis" "TimeBasis",
    "warningPercent" INTEGER NOT NULL DEFAULT 75,
    "interventionDueAt" TIMESTAMPTZ(3),
    "interventionWarnAt" TIMESTAMPTZ(3),
    "interventionDueManual" BOOLEAN NOT NULL DEFAULT false,
    "interventionState" "SlaState" NOT NULL DEFAULT 'none',
    "resolutionDueAt" TIMESTAMPTZ(3),
    "resolutionWarnAt" TIMESTAMPTZ(3),
    "resolutionDueManual" BOOLEAN NOT NULL DEFAULT false,
    "resolutionState" "SlaState" NOT NULL DEFAULT 'none',
    "slaDueAt" TIMESTAMPTZ(3),
    "slaState" "SlaState" NOT NULL DEFAULT 'none',

    CONSTRAINT "Ticket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TicketMessage" (
    "id" UUID NOT NULL,
    "ticketId" UUID NOT NULL,
    "kind" "TicketMessageKind" NOT NULL,
    "authorId" UUID,
    "authorLabel" TEXT NOT NULL,
    "fromStaff" BOOLEAN NOT NULL DEFAULT false,
    "body" TEXT NOT NULL DEFAULT '',
    "data" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TicketMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TicketPause" (
    "id" UUID NOT NULL,
    "ticketId" UUID NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3),

    CONSTRAINT "TicketPause_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TicketAttachment" (
    "id" UUID NOT NULL,
    "ticketId" UUID NOT NULL,
    "messageId" UUID,
    "fileId" UUID NOT NULL,
    "internal" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TicketAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TicketLink" (
    "fromId" UUID NOT NULL,
    "toId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TicketLink_pkey" PRIMARY KEY ("fromId","toId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_number_key" ON "Ticket"("number");

-- CreateIndex
CREATE INDEX "Ticket_receivedAt_id_idx" ON "Ticket"("receivedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Ticket_bodyId_receivedAt_id_idx" ON "Ticket"("bodyId", "receivedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Ticket_bodyId_status_receivedAt_id_idx" ON "Ticket"("bodyId", "status", "receivedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Ticket_status_receivedAt_id_idx" ON "Ticket"("status", "receivedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Ticket_assigneeId_status_receivedAt_idx" ON "Ticket"("assigneeId", "status", "receivedAt" DESC);

-- CreateIndex
CREATE INDEX "Ticket_serviceId_receivedAt_idx" ON "Ticket"("serviceId", "receivedAt" DESC);

-- CreateIndex
CREATE INDEX "Ticket_slaState_slaDueAt_idx" ON "Ticket"("slaState", "slaDueAt");

-- CreateIndex
CREATE INDEX "Ticket_slaDueAt_id_idx" ON "Ticket"("slaDueAt", "id");

-- CreateIndex
CREATE INDEX "Ticket_priority_receivedAt_idx" ON "Ticket"("priority", "receivedAt" DESC);

-- CreateIndex
CREATE INDEX "Ticket_interventionState_interventionWarnAt_idx" ON "Ticket"("interventionState", "interventionWarnAt");

-- CreateIndex
CREATE INDEX "Ticket_resolutionState_resolutionWarnAt_idx" ON "Ticket"("resolutionState", "resolutionWarnAt");

-- CreateIndex
CREATE INDEX "Ticket_interventionState_interventionDueAt_idx" ON "Ticket"("interventionState", "interventionDueAt");

-- CreateIndex
CREATE INDEX "Ticket_resolutionState_resolutionDueAt_idx" ON "Ticket"("resolutionState", "resolutionDueAt");

-- CreateIndex
CREATE INDEX "Ticket_status_resolvedAt_idx" ON "Ticket"("status", "resolvedAt");

-- CreateIndex
CREATE INDEX "Ticket_mergedIntoId_idx" ON "Ticket"("mergedIntoId");

-- CreateIndex
CREATE INDEX "TicketMessage_ticketId_createdAt_id_idx" ON "TicketMessage"("ticketId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "TicketPause_ticketId_startedAt_idx" ON "TicketPause"("ticketId", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "TicketAttachment_fileId_key" ON "TicketAttachment"("fileId");

-- CreateIndex
CREATE INDEX "TicketAttachment_ticketId_createdAt_idx" ON "TicketAttachment"("ticketId", "createdAt");

-- CreateIndex
CREATE INDEX "TicketLink_toId_idx" ON "TicketLink"("toId");

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Ticket"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketMessage" ADD CONSTRAINT "TicketMessage_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketPause" ADD CONSTRAINT "TicketPause_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketAttachment" ADD CONSTRAINT "TicketAttachment_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketAttachment" ADD CONSTRAINT "TicketAttachment_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "TicketMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketAttachment" ADD CONSTRAINT "TicketAttachment_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketLink" ADD CONSTRAINT "TicketLink_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketLink" ADD CONSTRAINT "TicketLink_toId_fkey" FOREIGN KEY ("toId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: French full-text search with accent folding, and constraints Prisma cannot express.
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'mutuo_fr') THEN
    CREATE TEXT SEARCH CONFIGURATION mutuo_fr (COPY = french);
    ALTER TEXT SEARCH CONFIGURATION mutuo_fr ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
  END IF;
END $$;
CREATE INDEX "Ticket_search" ON "Ticket" USING GIN ((setweight(to_tsvector('mutuo_fr'::regconfig, "subject"), 'A') || setweight(to_tsvector('mutuo_fr'::regconfig, "description"), 'B')));
CREATE INDEX "TicketMessage_search" ON "TicketMessage" USING GIN (to_tsvector('mutuo_fr'::regconfig, "body")) WHERE "kind" <> 'event';
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_csat" CHECK ("csatScore" IS NULL OR "csatScore" BETWEEN 1 AND 5);
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_not_merged_into_itself" CHECK ("mergedIntoId" IS NULL OR "mergedIntoId" <> "id");
ALTER TABLE "TicketPause" ADD CONSTRAINT "TicketPause_order" CHECK ("endedAt" IS NULL OR "endedAt" >= "startedAt");
CREATE UNIQUE INDEX "TicketPause_one_open" ON "TicketPause"("ticketId") WHERE "endedAt" IS NULL;
ALTER TABLE "TicketLink" ADD CONSTRAINT "TicketLink_order" CHECK ("fromId" < "toId");
