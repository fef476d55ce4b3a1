-- CreateTable
CREATE TABLE "QueueView" (
    "id" UUID NOT NULL,
    "ownerId" UUID NOT NULL,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "name" VARCHAR(60) NOT NULL,
    "filters" JSONB NOT NULL,
    "columns" TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "QueueView_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "QueueView_ownerId_name_idx" ON "QueueView"("ownerId", "name");

-- CreateIndex
CREATE INDEX "QueueView_shared_name_idx" ON "QueueView"("shared", "name");

-- CreateIndex
CREATE INDEX "Ticket_updatedAt_idx" ON "Ticket"("updatedAt");

-- CreateIndex
CREATE INDEX "Ticket_createdAt_idx" ON "Ticket"("createdAt");

-- AddForeignKey
ALTER TABLE "QueueView" ADD CONSTRAINT "QueueView_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A name is unique among a person's own views, and among shared views (case-insensitive).
CREATE UNIQUE INDEX "QueueView_personal_name_key" ON "QueueView"("ownerId", lower("name")) WHERE NOT "shared";
CREATE UNIQUE INDEX "QueueView_shared_name_key" ON "QueueView"(lower("name")) WHERE "shared";
