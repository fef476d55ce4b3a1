// Download of an asset's photo or document, for whoever may see the asset (checked in the service).
import { readAssetFile } from "@mutuo/core/assets";
import { download } from "../../../../../server/download.ts";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return download((await params).id, readAssetFile);
}
