-- CreateEnum
CREATE TYPE "MigrationStatus" AS ENUM ('planned', 'files_received', 'checked', 'test_loaded', 'signed_off', 'loaded', 'done', 'failed', 'cancelled');

-- CreateEnum
CREATE TYPE "MigrationBadRowPolicy" AS ENUM ('all_or_nothing', 'load_valid');

-- CreateEnum
CREATE TYPE "MigrationRunKind" AS ENUM ('check', 'test_load', 'production_load');

-- CreateEnum
CREATE TYPE "MigrationRunStatus" AS ENUM ('queued', 'running', 'done', 'failed', 'cancelled');

-- CreateTable
CREATE TABLE "MigrationTemplate" (
    "id" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "columns" JSONB NOT NULL,
    "crossRules" JSONB NOT NULL DEFAULT '[]',
    "encoding" VARCHAR(20) NOT NULL DEFAULT 'utf-8',
    "delimiter" VARCHAR(2) NOT NULL DEFAULT ';',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MigrationTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MigrationJob" (
    "id" UUID NOT NULL,
    "number" VARCHAR(20) NOT NULL,
    "bodyId" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "conventionId" UUID,
    "templateId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "ownerId" UUID NOT NULL,
    "dueOn" DATE,
    "status" "MigrationStatus" NOT NULL DEFAULT 'planned',
    "statusReason" TEXT NOT NULL DEFAULT '',
    "mapping" JSONB NOT NULL DEFAULT '{}',
    "badRowPolicy" "MigrationBadRowPolicy" NOT NULL DEFAULT 'all_or_nothing',
    "externalKey" VARCHAR(80),
    "billingMode" VARCHAR(10) NOT NULL DEFAULT 'rows',
    "flatPriceCents" INTEGER,
    "currentFileId" UUID,
    "signedOffById" UUID,
    "signedOffByName" TEXT,
    "signedOffAt" TIMESTAMPTZ(3),
    "signedOffIp" VARCHAR(64),
    "signOffSha256" CHAR(64),
    "signOffSummary" JSONB,
    "loadedAt" TIMESTAMPTZ(3),
    "loadedById" UUID,
    "loadedRows" INTEGER,
    "exportKey" TEXT,
    "loadLogKey" TEXT,
    "doneAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MigrationJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MigrationFile" (
    "id" UUID NOT NULL,
    "jobId" UUID NOT NULL,
    "storageKey" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "format" VARCHAR(10) NOT NULL,
    "encoding" VARCHAR(20) NOT NULL,
    "delimiter" VARCHAR(2) NOT NULL,
    "headers" JSONB NOT NULL DEFAULT '[]',
    "uploadedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MigrationFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MigrationRun" (
    "id" UUID NOT NULL,
    "jobId" UUID NOT NULL,
    "fileId" UUID NOT NULL,
    "kind" "MigrationRunKind" NOT NULL,
    "status" "MigrationRunStatus" NOT NULL DEFAULT 'queued',
    "settingsSha256" CHAR(64) NOT NULL,
    "bytesTotal" BIGINT NOT NULL DEFAULT 0,
    "bytesDone" BIGINT NOT NULL DEFAULT 0,
    "rowsRead" INTEGER NOT NULL DEFAULT 0,
    "rowsValid" INTEGER NOT NULL DEFAULT 0,
    "rowsInvalid" INTEGER NOT NULL DEFAULT 0,
    "duplicateKeys" INTEGER NOT NULL DEFAULT 0,
    "checkpointLine" INTEGER NOT NULL DEFAULT 0,
    "cancelRequested" BOOLEAN NOT NULL DEFAULT false,
    "error" TEXT NOT NULL DEFAULT '',
    "requestedById" UUID,
    "startedAt" TIMESTAMPTZ(3),
    "progressAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MigrationRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MigrationRowError" (
    "id" BIGSERIAL NOT NULL,
    "runId" UUID NOT NULL,
    "line" INTEGER NOT NULL,
    "raw" TEXT NOT NULL,
    "column" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "rule" TEXT NOT NULL,

    CONSTRAINT "MigrationRowError_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MigrationEvent" (
    "id" UUID NOT NULL,
    "jobId" UUID NOT NULL,
    "kind" VARCHAR(40) NOT NULL,
    "fromStatus" VARCHAR(20),
    "toStatus" VARCHAR(20),
    "note" TEXT NOT NULL DEFAULT '',
    "actorId" UUID,
    "actorLabel" TEXT NOT NULL DEFAULT '',
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MigrationEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MigrationTemplate_serviceId_name_key" ON "MigrationTemplate"("serviceId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "MigrationJob_number_key" ON "MigrationJob"("number");

-- CreateIndex
CREATE INDEX "MigrationJob_status_dueOn_idx" ON "MigrationJob"("status", "dueOn");

-- CreateIndex
CREATE INDEX "MigrationJob_bodyId_createdAt_idx" ON "MigrationJob"("bodyId", "createdAt");

-- CreateIndex
CREATE INDEX "MigrationJob_createdAt_id_idx" ON "MigrationJob"("createdAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "MigrationFile_storageKey_key" ON "MigrationFile"("storageKey");

-- CreateIndex
CREATE INDEX "MigrationFile_jobId_createdAt_idx" ON "MigrationFile"("jobId", "createdAt");

-- CreateIndex
CREATE INDEX "MigrationRun_jobId_createdAt_idx" ON "MigrationRun"("jobId", "createdAt");

-- CreateIndex
CREATE INDEX "MigrationRowError_runId_line_id_idx" ON "MigrationRowError"("runId", "line", "id");

-- CreateIndex
CREATE INDEX "MigrationEvent_jobId_at_idx" ON "MigrationEvent"("jobId", "at");

-- AddForeignKey
ALTER TABLE "MigrationJob" ADD CONSTRAINT "MigrationJob_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "MigrationTemplate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MigrationFile" ADD CONSTRAINT "MigrationFile_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "MigrationJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MigrationRun" ADD CONSTRAINT "MigrationRun_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "MigrationJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MigrationRun" ADD CONSTRAINT "MigrationRun_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "MigrationFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MigrationRowError" ADD CONSTRAINT "MigrationRowError_runId_fkey" FOREIGN KEY ("runId") REFERENCES "MigrationRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MigrationEvent" ADD CONSTRAINT "MigrationEvent_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "MigrationJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;

