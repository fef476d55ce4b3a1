-- CreateEnum
CREATE TYPE "LoanStatus" AS ENUM ('draft', 'inventory_signed', 'in_service', 'return_in_progress', 'returned', 'lost', 'stolen', 'cancelled');

-- CreateEnum
CREATE TYPE "LoanDocumentKind" AS ENUM ('inventory', 'return_report');

-- CreateEnum
CREATE TYPE "LoanParty" AS ENUM ('provider', 'borrower');

-- CreateEnum
CREATE TYPE "LossKind" AS ENUM ('loss', 'theft');

-- CreateEnum
CREATE TYPE "InsurerClaimStatus" AS ENUM ('not_declared', 'declared', 'accepted', 'refused');

-- CreateTable
CREATE TABLE "Loan" (
    "id" UUID NOT NULL,
    "number" VARCHAR(20) NOT NULL,
    "bodyId" UUID NOT NULL,
    "conventionId" UUID NOT NULL,
    "status" "LoanStatus" NOT NULL DEFAULT 'draft',
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "address" TEXT NOT NULL DEFAULT '',
    "contactName" TEXT NOT NULL DEFAULT '',
    "contactPhone" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "createdById" UUID,
    "inServiceAt" TIMESTAMPTZ(3),
    "returnedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Loan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoanItem" (
    "id" UUID NOT NULL,
    "loanId" UUID NOT NULL,
    "assetId" UUID NOT NULL,
    "kitId" UUID,

    CONSTRAINT "LoanItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssetReservation" (
    "id" UUID NOT NULL,
    "assetId" UUID NOT NULL,
    "bodyId" UUID,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "purpose" TEXT NOT NULL DEFAULT '',
    "createdById" UUID,
    "cancelledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssetReservation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssetBooking" (
    "id" UUID NOT NULL,
    "assetId" UUID NOT NULL,
    "loanId" UUID,
    "reservationId" UUID,
    "period" daterange NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "AssetBooking_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoanDocument" (
    "id" UUID NOT NULL,
    "loanId" UUID NOT NULL,
    "kind" "LoanDocumentKind" NOT NULL,
    "version" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "frozenAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LoanDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoanSignOff" (
    "id" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "party" "LoanParty" NOT NULL,
    "userId" UUID,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "ip" VARCHAR(64),
    "sha256" CHAR(64) NOT NULL,
    "method" VARCHAR(20) NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LoanSignOff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoanSignOffCode" (
    "id" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "codeHash" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoanSignOffCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoanTestTemplate" (
    "id" UUID NOT NULL,
    "kindId" UUID NOT NULL,
    "tests" TEXT[],
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LoanTestTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LossDeclaration" (
    "id" UUID NOT NULL,
    "loanId" UUID NOT NULL,
    "kind" "LossKind" NOT NULL,
    "assetIds" UUID[],
    "discoveredAt" TIMESTAMPTZ(3) NOT NULL,
    "declaredAt" TIMESTAMPTZ(3) NOT NULL,
    "circumstances" TEXT NOT NULL,
    "policeReportRef" TEXT NOT NULL DEFAULT '',
    "declaredById" UUID,
    "declaredByName" TEXT NOT NULL,
    "claimStatus" "InsurerClaimStatus" NOT NULL DEFAULT 'not_declared',
    "proofFileId" UUID,
    "answerFileId" UUID,
    "remedy" VARCHAR(20) NOT NULL DEFAULT '',
    "replacementSerial" TEXT NOT NULL DEFAULT '',
    "remedyNote" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LossDeclaration_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Loan_number_key" ON "Loan"("number");

-- CreateIndex
CREATE INDEX "Loan_bodyId_createdAt_id_idx" ON "Loan"("bodyId", "createdAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Loan_status_endDate_idx" ON "Loan"("status", "endDate");

-- CreateIndex
CREATE INDEX "Loan_conventionId_idx" ON "Loan"("conventionId");

-- CreateIndex
CREATE INDEX "Loan_createdAt_id_idx" ON "Loan"("createdAt" DESC, "id");

-- CreateIndex
CREATE INDEX "LoanItem_assetId_idx" ON "LoanItem"("assetId");

-- CreateIndex
CREATE UNIQUE INDEX "LoanItem_loanId_assetId_key" ON "LoanItem"("loanId", "assetId");

-- CreateIndex
CREATE INDEX "AssetReservation_startDate_id_idx" ON "AssetReservation"("startDate", "id");

-- CreateIndex
CREATE INDEX "AssetReservation_assetId_idx" ON "AssetReservation"("assetId");

-- CreateIndex
CREATE INDEX "AssetBooking_loanId_idx" ON "AssetBooking"("loanId");

-- CreateIndex
CREATE INDEX "AssetBooking_reservationId_idx" ON "AssetBooking"("reservationId");

-- CreateIndex
CREATE UNIQUE INDEX "LoanDocument_loanId_kind_version_key" ON "LoanDocument"("loanId", "kind", "version");

-- CreateIndex
CREATE UNIQUE INDEX "LoanSignOff_documentId_party_key" ON "LoanSignOff"("documentId", "party");

-- CreateIndex
CREATE INDEX "LoanSignOffCode_documentId_userId_idx" ON "LoanSignOffCode"("documentId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "LoanTestTemplate_kindId_key" ON "LoanTestTemplate"("kindId");

-- CreateIndex
CREATE INDEX "LossDeclaration_loanId_idx" ON "LossDeclaration"("loanId");

-- CreateIndex
CREATE INDEX "LossDeclaration_declaredAt_idx" ON "LossDeclaration"("declaredAt" DESC);

-- AddForeignKey
ALTER TABLE "Loan" ADD CONSTRAINT "Loan_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Loan" ADD CONSTRAINT "Loan_conventionId_fkey" FOREIGN KEY ("conventionId") REFERENCES "Convention"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoanItem" ADD CONSTRAINT "LoanItem_loanId_fkey" FOREIGN KEY ("loanId") REFERENCES "Loan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoanItem" ADD CONSTRAINT "LoanItem_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssetReservation" ADD CONSTRAINT "AssetReservation_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssetReservation" ADD CONSTRAINT "AssetReservation_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssetBooking" ADD CONSTRAINT "AssetBooking_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssetBooking" ADD CONSTRAINT "AssetBooking_loanId_fkey" FOREIGN KEY ("loanId") REFERENCES "Loan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssetBooking" ADD CONSTRAINT "AssetBooking_reservationId_fkey" FOREIGN KEY ("reservationId") REFERENCES "AssetReservation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoanDocument" ADD CONSTRAINT "LoanDocument_loanId_fkey" FOREIGN KEY ("loanId") REFERENCES "Loan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoanSignOff" ADD CONSTRAINT "LoanSignOff_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "LoanDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoanSignOffCode" ADD CONSTRAINT "LoanSignOffCode_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "LoanDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoanTestTemplate" ADD CONSTRAINT "LoanTestTemplate_kindId_fkey" FOREIGN KEY ("kindId") REFERENCES "AssetKind"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LossDeclaration" ADD CONSTRAINT "LossDeclaration_loanId_fkey" FOREIGN KEY ("loanId") REFERENCES "Loan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: the database itself refuses two active bookings of one asset over overlapping periods
-- (loans and reservations alike). btree_gist lets a gist index compare the uuid with "=".
CREATE EXTENSION IF NOT EXISTS btree_gist;

ALTER TABLE "AssetBooking" ADD CONSTRAINT "AssetBooking_one_owner"
  CHECK (("loanId" IS NULL) <> ("reservationId" IS NULL));

ALTER TABLE "AssetBooking" ADD CONSTRAINT "AssetBooking_no_overlap"
  EXCLUDE USING gist ("assetId" WITH =, "period" WITH &&) WHERE ("active");
