// The sign-in sheet PDF of a half-day (staff; the service answers NOT_FOUND to anyone else).
import { signInSheetPdf } from "@mutuo/core/training";
import { download } from "../../../../../server/download.ts";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return download((await params).id, signInSheetPdf);
}
