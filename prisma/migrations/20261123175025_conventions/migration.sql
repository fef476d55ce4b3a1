-- CreateEnum
CREATE TYPE "HolidayZone" AS ENUM ('metropole', 'alsace_moselle', 'none');

-- CreateEnum
CREATE TYPE "ConventionStatus" AS ENUM ('draft', 'active', 'notice_given', 'terminated', 'expired');

-- CreateEnum
CREATE TYPE "RenewalRule" AS ENUM ('none', 'tacit', 'explicit');

-- CreateEnum
CREATE TYPE "Priority" AS ENUM ('critical', 'high', 'medium', 'low');

-- CreateEnum
CREATE TYPE "TimeBasis" AS ENUM ('clock', 'business');

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('portal', 'email', 'phone', 'letter');

-- CreateTable
CREATE TABLE "BusinessCalendar" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/Paris',
    "weekly" JSONB NOT NULL,
    "holidayZone" "HolidayZone" NOT NULL DEFAULT 'metropole',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BusinessCalendar_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarClosure" (
    "id" UUID NOT NULL,
    "calendarId" UUID NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "label" TEXT NOT NULL,

    CONSTRAINT "CalendarClosure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Convention" (
    "id" UUID NOT NULL,
    "number" VARCHAR(20) NOT NULL,
    "title" TEXT NOT NULL,
    "deliberationRef" TEXT NOT NULL,
    "signatoryBodyId" UUID NOT NULL,
    "communeBodyId" UUID NOT NULL,
    "status" "ConventionStatus" NOT NULL DEFAULT 'draft',
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "renewalRule" "RenewalRule" NOT NULL DEFAULT 'none',
    "renewalYears" INTEGER,
    "noticeMonths" INTEGER NOT NULL DEFAULT 0,
    "noticeGivenOn" DATE,
    "noticeGivenBy" TEXT,
    "noticeEffectiveOn" DATE,
    "terminatedOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Convention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConventionVersion" (
    "id" UUID NOT NULL,
    "conventionId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "deliberationRef" TEXT,
    "summary" TEXT NOT NULL DEFAULT '',
    "signedAt" TIMESTAMPTZ(3),
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConventionVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TermSet" (
    "id" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "versionId" UUID,
    "calendarId" UUID,
    "channels" "Channel"[],
    "equipmentCovered" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "TermSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TermTarget" (
    "id" UUID NOT NULL,
    "termSetId" UUID NOT NULL,
    "priority" "Priority" NOT NULL,
    "interventionMinutes" INTEGER NOT NULL,
    "interventionBasis" "TimeBasis" NOT NULL,
    "resolutionMinutes" INTEGER NOT NULL,
    "resolutionBasis" "TimeBasis" NOT NULL,
    "warningPercent" INTEGER NOT NULL DEFAULT 75,

    CONSTRAINT "TermTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "id" UUID NOT NULL,
    "storageKey" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "uploadedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConventionDocument" (
    "id" UUID NOT NULL,
    "conventionId" UUID NOT NULL,
    "versionId" UUID,
    "fileId" UUID NOT NULL,
    "label" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConventionDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Counter" (
    "key" TEXT NOT NULL,
    "value" INTEGER NOT NULL,

    CONSTRAINT "Counter_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "BusinessCalendar_name_key" ON "BusinessCalendar"("name");

-- CreateIndex
CREATE INDEX "CalendarClosure_calendarId_startDate_idx" ON "CalendarClosure"("calendarId", "startDate");

-- CreateIndex
CREATE UNIQUE INDEX "Convention_number_key" ON "Convention"("number");

-- CreateIndex
CREATE INDEX "Convention_signatoryBodyId_status_idx" ON "Convention"("signatoryBodyId", "status");

-- CreateIndex
CREATE INDEX "Convention_communeBodyId_idx" ON "Convention"("communeBodyId");

-- CreateIndex
CREATE INDEX "Convention_status_endDate_idx" ON "Convention"("status", "endDate");

-- CreateIndex
CREATE INDEX "Convention_endDate_id_idx" ON "Convention"("endDate", "id");

-- CreateIndex
CREATE INDEX "Convention_createdAt_id_idx" ON "Convention"("createdAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ConventionVersion_conventionId_number_key" ON "ConventionVersion"("conventionId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "ConventionVersion_conventionId_effectiveFrom_key" ON "ConventionVersion"("conventionId", "effectiveFrom");

-- CreateIndex
CREATE INDEX "TermSet_serviceId_idx" ON "TermSet"("serviceId");

-- CreateIndex
CREATE INDEX "TermSet_calendarId_idx" ON "TermSet"("calendarId");

-- CreateIndex
CREATE UNIQUE INDEX "TermSet_versionId_serviceId_key" ON "TermSet"("versionId", "serviceId");

-- CreateIndex
CREATE UNIQUE INDEX "TermTarget_termSetId_priority_key" ON "TermTarget"("termSetId", "priority");

-- CreateIndex
CREATE UNIQUE INDEX "StoredFile_storageKey_key" ON "StoredFile"("storageKey");

-- CreateIndex
CREATE UNIQUE INDEX "ConventionDocument_fileId_key" ON "ConventionDocument"("fileId");

-- CreateIndex
CREATE INDEX "ConventionDocument_conventionId_createdAt_idx" ON "ConventionDocument"("conventionId", "createdAt");

-- AddForeignKey
ALTER TABLE "CalendarClosure" ADD CONSTRAINT "CalendarClosure_calendarId_fkey" FOREIGN KEY ("calendarId") REFERENCES "BusinessCalendar"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Convention" ADD CONSTRAINT "Convention_signatoryBodyId_fkey" FOREIGN KEY ("signatoryBodyId") REFERENCES "Body"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Convention" ADD CONSTRAINT "Convention_communeBodyId_fkey" FOREIGN KEY ("communeBodyId") REFERENCES "Body"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConventionVersion" ADD CONSTRAINT "ConventionVersion_conventionId_fkey" FOREIGN KEY ("conventionId") REFERENCES "Convention"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TermSet" ADD CONSTRAINT "TermSet_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TermSet" ADD CONSTRAINT "TermSet_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ConventionVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TermSet" ADD CONSTRAINT "TermSet_calendarId_fkey" FOREIGN KEY ("calendarId") REFERENCES "BusinessCalendar"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TermTarget" ADD CONSTRAINT "TermTarget_termSetId_fkey" FOREIGN KEY ("termSetId") REFERENCES "TermSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConventionDocument" ADD CONSTRAINT "ConventionDocument_conventionId_fkey" FOREIGN KEY ("conventionId") REFERENCES "Convention"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConventionDocument" ADD CONSTRAINT "ConventionDocument_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ConventionVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConventionDocument" ADD CONSTRAINT "ConventionDocument_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: constraints Prisma cannot express.
CREATE UNIQUE INDEX "TermSet_default_per_service" ON "TermSet"("serviceId") WHERE "versionId" IS NULL;
ALTER TABLE "CalendarClosure" ADD CONSTRAINT "CalendarClosure_dates" CHECK ("endDate" >= "startDate");
ALTER TABLE "Convention" ADD CONSTRAINT "Convention_dates" CHECK ("endDate" IS NULL OR "endDate" >= "startDate");
ALTER TABLE "Convention" ADD CONSTRAINT "Convention_notice" CHECK ("noticeMonths" >= 0 AND "noticeMonths" <= 60);
ALTER TABLE "Convention" ADD CONSTRAINT "Convention_renewal" CHECK ("renewalRule" <> 'tacit' OR ("renewalYears" IS NOT NULL AND "renewalYears" > 0));
ALTER TABLE "ConventionVersion" ADD CONSTRAINT "ConventionVersion_number" CHECK ("number" >= 1);
ALTER TABLE "TermTarget" ADD CONSTRAINT "TermTarget_values" CHECK ("interventionMinutes" > 0 AND "resolutionMinutes" >= "interventionMinutes" AND "warningPercent" BETWEEN 1 AND 99);
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_size" CHECK ("size" >= 0);
