-- CreateEnum
CREATE TYPE "TrainingFormat" AS ENUM ('on_site', 'remote');

-- CreateEnum
CREATE TYPE "TrainingSessionStatus" AS ENUM ('planned', 'open', 'full', 'held', 'cancelled');

-- CreateEnum
CREATE TYPE "TrainingRegistrationStatus" AS ENUM ('confirmed', 'waitlisted', 'cancelled');

-- CreateEnum
CREATE TYPE "TrainingAttendanceStatus" AS ENUM ('present', 'absent', 'excused');

-- AlterTable
ALTER TABLE "TermSet" ADD COLUMN     "trainingDaysIncluded" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "TrainingCourse" (
    "id" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "objectives" TEXT NOT NULL DEFAULT '',
    "audience" TEXT NOT NULL DEFAULT '',
    "prerequisites" TEXT NOT NULL DEFAULT '',
    "durationHalfDays" INTEGER NOT NULL,
    "format" "TrainingFormat" NOT NULL DEFAULT 'on_site',
    "defaultCapacity" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TrainingCourse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingSession" (
    "id" UUID NOT NULL,
    "number" VARCHAR(20) NOT NULL,
    "courseId" UUID NOT NULL,
    "status" "TrainingSessionStatus" NOT NULL DEFAULT 'open',
    "address" TEXT NOT NULL DEFAULT '',
    "room" TEXT NOT NULL DEFAULT '',
    "remoteLink" TEXT NOT NULL DEFAULT '',
    "trainerId" UUID,
    "trainerName" TEXT NOT NULL DEFAULT '',
    "capacity" INTEGER NOT NULL,
    "perBodyLimit" INTEGER,
    "registrationDeadline" TIMESTAMPTZ(3) NOT NULL,
    "dedicatedBodyId" UUID,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "cancelledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TrainingSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingSlot" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "checkInCode" VARCHAR(8) NOT NULL,
    "signedAt" TIMESTAMPTZ(3),
    "signedById" UUID,
    "signedByName" TEXT,

    CONSTRAINT "TrainingSlot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingRegistration" (
    "id" UUID NOT NULL,
    "seq" SERIAL NOT NULL,
    "sessionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "bodyId" UUID NOT NULL,
    "status" "TrainingRegistrationStatus" NOT NULL,
    "registeredById" UUID,
    "confirmedAt" TIMESTAMPTZ(3),
    "cancelledAt" TIMESTAMPTZ(3),
    "lateCancellation" BOOLEAN NOT NULL DEFAULT false,
    "surveyRemindedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrainingRegistration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingAttendance" (
    "slotId" UUID NOT NULL,
    "registrationId" UUID NOT NULL,
    "status" "TrainingAttendanceStatus" NOT NULL,
    "confirmedBy" VARCHAR(10) NOT NULL,
    "confirmedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TrainingAttendance_pkey" PRIMARY KEY ("slotId","registrationId")
);

-- CreateTable
CREATE TABLE "TrainingSurveyAnswer" (
    "id" UUID NOT NULL,
    "registrationId" UUID NOT NULL,
    "ratings" JSONB NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrainingSurveyAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TrainingCourse_serviceId_title_idx" ON "TrainingCourse"("serviceId", "title");

-- CreateIndex
CREATE INDEX "TrainingCourse_title_id_idx" ON "TrainingCourse"("title", "id");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingSession_number_key" ON "TrainingSession"("number");

-- CreateIndex
CREATE INDEX "TrainingSession_startsAt_id_idx" ON "TrainingSession"("startsAt", "id");

-- CreateIndex
CREATE INDEX "TrainingSession_courseId_startsAt_idx" ON "TrainingSession"("courseId", "startsAt");

-- CreateIndex
CREATE INDEX "TrainingSession_dedicatedBodyId_startsAt_idx" ON "TrainingSession"("dedicatedBodyId", "startsAt");

-- CreateIndex
CREATE INDEX "TrainingSession_trainerId_startsAt_idx" ON "TrainingSession"("trainerId", "startsAt");

-- CreateIndex
CREATE INDEX "TrainingSlot_sessionId_startsAt_idx" ON "TrainingSlot"("sessionId", "startsAt");

-- CreateIndex
CREATE INDEX "TrainingRegistration_sessionId_status_seq_idx" ON "TrainingRegistration"("sessionId", "status", "seq");

-- CreateIndex
CREATE INDEX "TrainingRegistration_bodyId_createdAt_idx" ON "TrainingRegistration"("bodyId", "createdAt");

-- CreateIndex
CREATE INDEX "TrainingRegistration_userId_createdAt_idx" ON "TrainingRegistration"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "TrainingAttendance_registrationId_idx" ON "TrainingAttendance"("registrationId");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingSurveyAnswer_registrationId_key" ON "TrainingSurveyAnswer"("registrationId");

-- AddForeignKey
ALTER TABLE "TrainingCourse" ADD CONSTRAINT "TrainingCourse_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingSession" ADD CONSTRAINT "TrainingSession_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "TrainingCourse"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingSession" ADD CONSTRAINT "TrainingSession_trainerId_fkey" FOREIGN KEY ("trainerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingSession" ADD CONSTRAINT "TrainingSession_dedicatedBodyId_fkey" FOREIGN KEY ("dedicatedBodyId") REFERENCES "Body"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingSlot" ADD CONSTRAINT "TrainingSlot_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TrainingSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingRegistration" ADD CONSTRAINT "TrainingRegistration_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TrainingSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingRegistration" ADD CONSTRAINT "TrainingRegistration_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingRegistration" ADD CONSTRAINT "TrainingRegistration_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingAttendance" ADD CONSTRAINT "TrainingAttendance_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "TrainingSlot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingAttendance" ADD CONSTRAINT "TrainingAttendance_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "TrainingRegistration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingSurveyAnswer" ADD CONSTRAINT "TrainingSurveyAnswer_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "TrainingRegistration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: the database refuses what the rules refuse, whatever the caller.
ALTER TABLE "TrainingCourse" ADD CONSTRAINT "TrainingCourse_duration_check" CHECK ("durationHalfDays" > 0);
ALTER TABLE "TrainingCourse" ADD CONSTRAINT "TrainingCourse_capacity_check" CHECK ("defaultCapacity" > 0);
ALTER TABLE "TrainingSession" ADD CONSTRAINT "TrainingSession_capacity_check" CHECK ("capacity" > 0);
ALTER TABLE "TrainingSession" ADD CONSTRAINT "TrainingSession_per_body_check" CHECK ("perBodyLimit" IS NULL OR "perBodyLimit" > 0);
ALTER TABLE "TrainingSession" ADD CONSTRAINT "TrainingSession_dates_check" CHECK ("endsAt" > "startsAt");
ALTER TABLE "TrainingSlot" ADD CONSTRAINT "TrainingSlot_dates_check" CHECK ("endsAt" > "startsAt");
ALTER TABLE "TermSet" ADD CONSTRAINT "TermSet_training_days_check" CHECK ("trainingDaysIncluded" >= 0);
-- One live registration per person and session (a cancelled one may be followed by a new one).
CREATE UNIQUE INDEX "TrainingRegistration_live_key" ON "TrainingRegistration" ("sessionId", "userId")
  WHERE "status" <> 'cancelled';
