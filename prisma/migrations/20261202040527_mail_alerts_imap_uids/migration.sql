-- AlterTable
ALTER TABLE "Service" ADD COLUMN     "alertEmail" VARCHAR(320);

-- CreateTable
CREATE TABLE "ServiceAlertRecipient" (
    "serviceId" UUID NOT NULL,
    "userId" UUID NOT NULL,

    CONSTRAINT "ServiceAlertRecipient_pkey" PRIMARY KEY ("serviceId","userId")
);

-- CreateTable
CREATE TABLE "ImapProcessed" (
    "mailbox" VARCHAR(300) NOT NULL,
    "uidValidity" BIGINT NOT NULL,
    "uid" BIGINT NOT NULL,
    "processedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImapProcessed_pkey" PRIMARY KEY ("mailbox","uidValidity","uid")
);

-- CreateIndex
CREATE INDEX "ServiceAlertRecipient_userId_idx" ON "ServiceAlertRecipient"("userId");

-- AddForeignKey
ALTER TABLE "ServiceAlertRecipient" ADD CONSTRAINT "ServiceAlertRecipient_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceAlertRecipient" ADD CONSTRAINT "ServiceAlertRecipient_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
