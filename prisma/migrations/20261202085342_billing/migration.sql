-- CreateEnum
CREATE TYPE "InvoicingRequirement" AS ENUM ('none', 'service_code', 'commitment', 'both');

-- CreateEnum
CREATE TYPE "TimeProfile" AS ENUM ('technician', 'engineer', 'project_manager');

-- CreateEnum
CREATE TYPE "StatementStatus" AS ENUM ('issued', 'cancelled');

-- AlterTable
ALTER TABLE "Body" ADD COLUMN     "commitmentNumber" VARCHAR(50),
ADD COLUMN     "invoicingRequirement" "InvoicingRequirement" NOT NULL DEFAULT 'none',
ADD COLUMN     "invoicingServiceCode" VARCHAR(100);

-- AlterTable
ALTER TABLE "Convention" ADD COLUMN     "initialisationWaived" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "PriceGrid" (
    "id" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "label" TEXT NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,
    "free" BOOLEAN NOT NULL DEFAULT false,
    "subscription" JSONB NOT NULL,
    "initialisationCents" INTEGER NOT NULL DEFAULT 0,
    "trainingDayCents" INTEGER NOT NULL DEFAULT 0,
    "trainingSessionCents" INTEGER NOT NULL DEFAULT 0,
    "trainingParticipantCents" INTEGER NOT NULL DEFAULT 0,
    "lateCancellationCents" INTEGER NOT NULL DEFAULT 0,
    "migration" JSONB NOT NULL,
    "hourlyRates" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PriceGrid_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CostSharingPlan" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "serviceId" UUID,
    "deliberationRef" TEXT NOT NULL DEFAULT '',
    "globalCostCents" INTEGER NOT NULL,
    "periodFrom" DATE NOT NULL,
    "periodTo" DATE NOT NULL,
    "populationYear" INTEGER NOT NULL,
    "groupWeights" JSONB,
    "providerRates" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CostSharingPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CostSharingMember" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "bodyId" UUID NOT NULL,

    CONSTRAINT "CostSharingMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TimeEntry" (
    "id" UUID NOT NULL,
    "ticketId" UUID NOT NULL,
    "bodyId" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "userName" TEXT NOT NULL,
    "workedOn" DATE NOT NULL,
    "minutes" INTEGER NOT NULL,
    "profile" "TimeProfile" NOT NULL,
    "billable" BOOLEAN NOT NULL DEFAULT true,
    "comment" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TimeEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BudgetCode" (
    "id" UUID NOT NULL,
    "serviceId" UUID,
    "lineKind" VARCHAR(20) NOT NULL,
    "bodyKind" "BodyKind" NOT NULL,
    "fromYear" INTEGER NOT NULL,
    "chapter" VARCHAR(10) NOT NULL,
    "article" VARCHAR(10) NOT NULL,
    "function" VARCHAR(10) NOT NULL,

    CONSTRAINT "BudgetCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Statement" (
    "id" UUID NOT NULL,
    "number" VARCHAR(20) NOT NULL,
    "bodyId" UUID NOT NULL,
    "periodFrom" DATE NOT NULL,
    "periodTo" DATE NOT NULL,
    "status" "StatementStatus" NOT NULL DEFAULT 'issued',
    "totalCents" INTEGER NOT NULL,
    "providerCents" INTEGER NOT NULL DEFAULT 0,
    "snapshot" JSONB NOT NULL,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "issuedById" UUID,

    CONSTRAINT "Statement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatementPayment" (
    "id" UUID NOT NULL,
    "statementId" UUID NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "paidOn" DATE NOT NULL,
    "reference" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatementPayment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CreditNote" (
    "id" UUID NOT NULL,
    "number" VARCHAR(20) NOT NULL,
    "statementId" UUID NOT NULL,
    "lineIndex" INTEGER,
    "amountCents" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "issuedById" UUID,

    CONSTRAINT "CreditNote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PriceGrid_serviceId_validFrom_idx" ON "PriceGrid"("serviceId", "validFrom");

-- CreateIndex
CREATE INDEX "CostSharingPlan_periodFrom_idx" ON "CostSharingPlan"("periodFrom");

-- CreateIndex
CREATE INDEX "CostSharingMember_bodyId_idx" ON "CostSharingMember"("bodyId");

-- CreateIndex
CREATE UNIQUE INDEX "CostSharingMember_planId_bodyId_key" ON "CostSharingMember"("planId", "bodyId");

-- CreateIndex
CREATE INDEX "TimeEntry_ticketId_workedOn_idx" ON "TimeEntry"("ticketId", "workedOn");

-- CreateIndex
CREATE INDEX "TimeEntry_bodyId_workedOn_idx" ON "TimeEntry"("bodyId", "workedOn");

-- CreateIndex
CREATE INDEX "BudgetCode_lineKind_bodyKind_idx" ON "BudgetCode"("lineKind", "bodyKind");

-- CreateIndex
CREATE UNIQUE INDEX "Statement_number_key" ON "Statement"("number");

-- CreateIndex
CREATE INDEX "Statement_bodyId_periodFrom_idx" ON "Statement"("bodyId", "periodFrom");

-- CreateIndex
CREATE INDEX "Statement_periodFrom_periodTo_idx" ON "Statement"("periodFrom", "periodTo");

-- CreateIndex
CREATE INDEX "StatementPayment_statementId_idx" ON "StatementPayment"("statementId");

-- CreateIndex
CREATE UNIQUE INDEX "CreditNote_number_key" ON "CreditNote"("number");

-- CreateIndex
CREATE INDEX "CreditNote_statementId_idx" ON "CreditNote"("statementId");

-- AddForeignKey
ALTER TABLE "CostSharingMember" ADD CONSTRAINT "CostSharingMember_planId_fkey" FOREIGN KEY ("planId") REFERENCES "CostSharingPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatementPayment" ADD CONSTRAINT "StatementPayment_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "Statement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditNote" ADD CONSTRAINT "CreditNote_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "Statement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: versions of a service's grid never overlap; amounts are never negative.
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE "PriceGrid" ADD CONSTRAINT "PriceGrid_no_overlap"
  EXCLUDE USING gist ("serviceId" WITH =, daterange("validFrom", "validTo", '[]') WITH &&);
ALTER TABLE "PriceGrid" ADD CONSTRAINT "PriceGrid_amounts_check" CHECK (
  "initialisationCents" >= 0 AND "trainingDayCents" >= 0 AND "trainingSessionCents" >= 0
  AND "trainingParticipantCents" >= 0 AND "lateCancellationCents" >= 0
  AND ("validTo" IS NULL OR "validTo" >= "validFrom"));
ALTER TABLE "TimeEntry" ADD CONSTRAINT "TimeEntry_minutes_check" CHECK ("minutes" > 0);
