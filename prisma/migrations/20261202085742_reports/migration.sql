-- CreateEnum
CREATE TYPE "ReportFrequency" AS ENUM ('weekly', 'monthly', 'quarterly');

-- CreateEnum
CREATE TYPE "ReportFormat" AS ENUM ('pdf', 'link');

-- CreateTable
CREATE TABLE "ReportSlaMonth" (
    "month" DATE NOT NULL,
    "bodyId" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "priority" "Priority" NOT NULL,
    "channel" "Channel" NOT NULL,
    "technicianId" UUID NOT NULL,
    "tickets" INTEGER NOT NULL,
    "statusNew" INTEGER NOT NULL,
    "statusAssigned" INTEGER NOT NULL,
    "statusInProgress" INTEGER NOT NULL,
    "statusWaiting" INTEGER NOT NULL,
    "statusResolved" INTEGER NOT NULL,
    "statusClosed" INTEGER NOT NULL,
    "statusCancelled" INTEGER NOT NULL,
    "interventionMet" INTEGER NOT NULL,
    "interventionBreached" INTEGER NOT NULL,
    "interventionPending" INTEGER NOT NULL,
    "resolutionMet" INTEGER NOT NULL,
    "resolutionBreached" INTEGER NOT NULL,
    "resolutionPending" INTEGER NOT NULL,
    "interventionMinutes" INTEGER[],
    "resolutionMinutes" INTEGER[],
    "csatAsked" INTEGER NOT NULL,
    "csatAnswers" INTEGER NOT NULL,
    "csatSum" INTEGER NOT NULL,

    CONSTRAINT "ReportSlaMonth_pkey" PRIMARY KEY ("month","bodyId","serviceId","priority","channel","technicianId")
);

-- CreateTable
CREATE TABLE "ReportTicketTime" (
    "ticketId" UUID NOT NULL,
    "interventionMinutes" INTEGER,
    "resolutionMinutes" INTEGER,
    "computedFor" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReportTicketTime_pkey" PRIMARY KEY ("ticketId")
);

-- CreateTable
CREATE TABLE "ReportRollupState" (
    "id" INTEGER NOT NULL,
    "watermark" TIMESTAMPTZ(3) NOT NULL,
    "refreshedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReportRollupState_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportSubscription" (
    "id" UUID NOT NULL,
    "reportId" VARCHAR(40) NOT NULL,
    "filters" JSONB NOT NULL DEFAULT '{}',
    "frequency" "ReportFrequency" NOT NULL,
    "endsOn" DATE,
    "toManagers" BOOLEAN NOT NULL DEFAULT false,
    "agentsOfBodyId" UUID,
    "emails" TEXT[],
    "format" "ReportFormat" NOT NULL DEFAULT 'pdf',
    "builtin" VARCHAR(80),
    "label" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportRun" (
    "id" UUID NOT NULL,
    "subscriptionId" UUID NOT NULL,
    "periodKey" VARCHAR(12) NOT NULL,
    "pdf" BYTEA NOT NULL,
    "fileName" TEXT NOT NULL,
    "recipients" TEXT[],
    "bodyId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReportSlaMonth_bodyId_month_idx" ON "ReportSlaMonth"("bodyId", "month");

-- CreateIndex
CREATE UNIQUE INDEX "ReportSubscription_builtin_key" ON "ReportSubscription"("builtin");

-- CreateIndex
CREATE INDEX "ReportSubscription_createdAt_id_idx" ON "ReportSubscription"("createdAt", "id");

-- CreateIndex
CREATE INDEX "ReportRun_createdAt_id_idx" ON "ReportRun"("createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "ReportRun_bodyId_createdAt_idx" ON "ReportRun"("bodyId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "ReportRun_subscriptionId_periodKey_key" ON "ReportRun"("subscriptionId", "periodKey");

-- AddForeignKey
ALTER TABLE "ReportRun" ADD CONSTRAINT "ReportRun_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "ReportSubscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;
