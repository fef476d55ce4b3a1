-- CreateEnum
CREATE TYPE "AssetStatus" AS ENUM ('in_stock', 'reserved', 'lent', 'in_repair', 'lost', 'stolen', 'retired');

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "assetId" UUID;

-- CreateTable
CREATE TABLE "AssetKind" (
    "id" UUID NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "label" TEXT NOT NULL,
    "holdsData" BOOLEAN NOT NULL DEFAULT false,
    "isKit" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssetKind_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Asset" (
    "id" UUID NOT NULL,
    "tag" VARCHAR(40) NOT NULL,
    "serialNumber" VARCHAR(100),
    "kindId" UUID NOT NULL,
    "manufacturer" TEXT NOT NULL DEFAULT '',
    "model" TEXT NOT NULL DEFAULT '',
    "status" "AssetStatus" NOT NULL DEFAULT 'in_stock',
    "bodyId" UUID,
    "location" TEXT NOT NULL DEFAULT '',
    "purchaseDate" DATE,
    "purchaseValueCents" INTEGER,
    "warrantyEnd" DATE,
    "notes" TEXT NOT NULL DEFAULT '',
    "kitId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Asset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KitAccessory" (
    "id" UUID NOT NULL,
    "kitId" UUID NOT NULL,
    "label" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,

    CONSTRAINT "KitAccessory_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AssetKind_code_key" ON "AssetKind"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Asset_tag_key" ON "Asset"("tag");

-- CreateIndex
CREATE UNIQUE INDEX "Asset_serialNumber_key" ON "Asset"("serialNumber");

-- CreateIndex
CREATE INDEX "Asset_tag_id_idx" ON "Asset"("tag", "id");

-- CreateIndex
CREATE INDEX "Asset_status_tag_id_idx" ON "Asset"("status", "tag", "id");

-- CreateIndex
CREATE INDEX "Asset_kindId_tag_id_idx" ON "Asset"("kindId", "tag", "id");

-- CreateIndex
CREATE INDEX "Asset_bodyId_tag_id_idx" ON "Asset"("bodyId", "tag", "id");

-- CreateIndex
CREATE INDEX "Asset_warrantyEnd_id_idx" ON "Asset"("warrantyEnd", "id");

-- CreateIndex
CREATE INDEX "Asset_kitId_idx" ON "Asset"("kitId");

-- CreateIndex
CREATE INDEX "KitAccessory_kitId_idx" ON "KitAccessory"("kitId");

-- CreateIndex
CREATE INDEX "Ticket_assetId_receivedAt_idx" ON "Ticket"("assetId", "receivedAt" DESC);

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Asset" ADD CONSTRAINT "Asset_kindId_fkey" FOREIGN KEY ("kindId") REFERENCES "AssetKind"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Asset" ADD CONSTRAINT "Asset_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Asset" ADD CONSTRAINT "Asset_kitId_fkey" FOREIGN KEY ("kitId") REFERENCES "Asset"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KitAccessory" ADD CONSTRAINT "KitAccessory_kitId_fkey" FOREIGN KEY ("kitId") REFERENCES "Asset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The kinds of equipment every installation starts with (admins edit the list).
INSERT INTO "AssetKind" ("id", "code", "label", "holdsData", "isKit", "position") VALUES
  (gen_random_uuid(), 'switch', 'Commutateur réseau', true, false, 10),
  (gen_random_uuid(), 'laptop', 'Ordinateur portable', true, false, 20),
  (gen_random_uuid(), 'router_4g', 'Routeur 4G', true, false, 30),
  (gen_random_uuid(), 'phone', 'Téléphone', true, false, 40),
  (gen_random_uuid(), 'screen', 'Écran', false, false, 50),
  (gen_random_uuid(), 'crisis_kit', 'Kit de crise', false, true, 60),
  (gen_random_uuid(), 'other', 'Autre', false, false, 90);
