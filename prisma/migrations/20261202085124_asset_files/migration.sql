-- CreateTable
CREATE TABLE "AssetFile" (
    "id" UUID NOT NULL,
    "assetId" UUID NOT NULL,
    "fileId" UUID NOT NULL,
    "label" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssetFile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AssetFile_fileId_key" ON "AssetFile"("fileId");

-- CreateIndex
CREATE INDEX "AssetFile_assetId_createdAt_idx" ON "AssetFile"("assetId", "createdAt");

-- AddForeignKey
ALTER TABLE "AssetFile" ADD CONSTRAINT "AssetFile_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssetFile" ADD CONSTRAINT "AssetFile_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Search by tag, serial number or model anywhere in the text (ILIKE '%…%'): trigram indexes keep it
-- fast at 100 000 assets (see bench/run.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Asset_tag_trgm_idx" ON "Asset" USING gin ("tag" gin_trgm_ops);
CREATE INDEX "Asset_serialNumber_trgm_idx" ON "Asset" USING gin ("serialNumber" gin_trgm_ops);
CREATE INDEX "Asset_model_trgm_idx" ON "Asset" USING gin ("model" gin_trgm_ops);
