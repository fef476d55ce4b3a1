-- Course materials (files) and the history of training sessions.

-- CreateTable
CREATE TABLE "TrainingMaterial" (
    "id" UUID NOT NULL,
    "courseId" UUID NOT NULL,
    "fileId" UUID NOT NULL,
    "label" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrainingMaterial_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingEvent" (
    "id" BIGSERIAL NOT NULL,
    "sessionId" UUID NOT NULL,
    "kind" VARCHAR(40) NOT NULL,
    "userId" UUID,
    "bodyId" UUID,
    "actorId" UUID,
    "data" JSONB NOT NULL DEFAULT '{}',
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrainingEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TrainingMaterial_fileId_key" ON "TrainingMaterial"("fileId");

-- CreateIndex
CREATE INDEX "TrainingMaterial_courseId_createdAt_idx" ON "TrainingMaterial"("courseId", "createdAt");

-- CreateIndex
CREATE INDEX "TrainingEvent_sessionId_id_idx" ON "TrainingEvent"("sessionId", "id");

-- CreateIndex
CREATE INDEX "TrainingEvent_bodyId_idx" ON "TrainingEvent"("bodyId");

-- AddForeignKey
ALTER TABLE "TrainingMaterial" ADD CONSTRAINT "TrainingMaterial_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "TrainingCourse"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingMaterial" ADD CONSTRAINT "TrainingMaterial_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingEvent" ADD CONSTRAINT "TrainingEvent_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TrainingSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;
