// Upload of a course's material (the [id] is the course's), streamed from the request body into the
// file store. Outside the proxy (which would buffer the body): see server/streamed-upload.ts.
import { addMaterial } from "@mutuo/core/training";
import { streamedUpload } from "../../../../../../server/streamed-upload.ts";

export const dynamic = "force-dynamic";

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return streamedUpload(req, (await params).id, "", (r) =>
    addMaterial(r.db, r.files, r.actor, {
      courseId: r.id,
      fileName: r.name,
      label: r.header("x-label"),
      body: r.body,
    }),
  );
}
