-- CreateEnum
CREATE TYPE "ReportExportFormat" AS ENUM ('csv', 'xlsx', 'pdf');

-- CreateEnum
CREATE TYPE "ReportExportStatus" AS ENUM ('queued', 'running', 'done', 'failed');

-- CreateTable
CREATE TABLE "ReportExport" (
    "id" UUID NOT NULL,
    "requestedById" UUID NOT NULL,
    "reportId" VARCHAR(40) NOT NULL,
    "title" TEXT NOT NULL,
    "period" JSONB NOT NULL,
    "filters" JSONB NOT NULL DEFAULT '{}',
    "scopeBodyIds" UUID[],
    "format" "ReportExportFormat" NOT NULL,
    "status" "ReportExportStatus" NOT NULL DEFAULT 'queued',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "rowsDone" INTEGER,
    "rowsTotal" INTEGER,
    "attempt" INTEGER NOT NULL DEFAULT 0,
    "fileId" UUID,
    "error" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "progressAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReportExport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReportExport_fileId_key" ON "ReportExport"("fileId");

-- CreateIndex
CREATE INDEX "ReportExport_requestedById_createdAt_id_idx" ON "ReportExport"("requestedById", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "ReportExport_status_progressAt_idx" ON "ReportExport"("status", "progressAt");

-- CreateIndex
CREATE INDEX "ReportExport_expiresAt_idx" ON "ReportExport"("expiresAt");

-- AddForeignKey
ALTER TABLE "ReportExport" ADD CONSTRAINT "ReportExport_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;
