// A course's materials (slides, handouts, exercises): staff attach files, streamed to the file store
// (never held whole in memory, 20 MB at most, the content checked against the type its name gives);
// staff and the agents who may attend the course download them, nobody else.
import type { Readable } from "node:stream";
import type { Db } from "@mutuo/db";
import { isStaff, visibleBodyIds, type Actor } from "../access/index.ts";
import { recordAudit } from "../audit/index.ts";
import { notFound, invalid } from "../errors/index.ts";
import {
  contentMatches,
  FileTooLargeError,
  readHead,
  SLIDE_TYPES,
  typeByExtension,
  UPLOAD_TYPES,
  type FileStore,
  type StreamingFileStore,
} from "../files/index.ts";
import { loadEligibility } from "./eligibility.ts";
import { requireTrainingStaff } from "./policy.ts";
import { isEligible, localDate } from "./rules.ts";
import {
  MAX_MATERIAL_BYTES,
  materialIdInput,
  materialUploadInput,
  type MaterialUploadInput,
} from "./schema.ts";

/** What a course's materials may be: documents, spreadsheets, presentations, images. */
export const MATERIAL_TYPES: Record<string, string> = {
  pdf: UPLOAD_TYPES.pdf,
  odt: UPLOAD_TYPES.odt,
  docx: UPLOAD_TYPES.docx,
  ods: UPLOAD_TYPES.ods,
  xlsx: UPLOAD_TYPES.xlsx,
  odp: SLIDE_TYPES.odp,
  pptx: SLIDE_TYPES.pptx,
  png: UPLOAD_TYPES.png,
  jpeg: UPLOAD_TYPES.jpeg,
};

/**
 * May the actor have the course's materials? Staff; an agent whose body has a registration in one of
 * its sessions, or may attend it today (a convention in force for its service).
 */
export async function mayGetMaterials(
  db: Db,
  actor: Actor,
  course: { id: string; serviceId: string },
  now: Date,
): Promise<boolean> {
  if (isStaff(actor)) return true;
  const ids = visibleBodyIds(actor);
  if (ids === "all") return true;
  if (!ids.length) return false;
  const registered = await db.trainingRegistration.count({
    where: { bodyId: { in: ids }, status: { not: "cancelled" }, session: { courseId: course.id } },
  });
  if (registered) return true;
  const conventions = await loadEligibility(db, ids);
  const date = localDate(now);
  return ids.some((b) => isEligible(conventions, { bodyId: b, serviceId: course.serviceId, date }));
}

/** Receives a material from a stream (the upload route), checks it, stores it, records it. */
export async function addMaterial(
  db: Db,
  files: StreamingFileStore,
  actor: Actor,
  raw: MaterialUploadInput & { body: AsyncIterable<Uint8Array>; maxBytes?: number },
) {
  requireTrainingStaff(actor);
  const input = materialUploadInput.parse({
    courseId: raw.courseId,
    fileName: raw.fileName,
    label: raw.label,
  });
  const course = await db.trainingCourse.findUnique({ where: { id: input.courseId }, select: { id: true } });
  if (!course) throw notFound("course");
  const fileName = input.fileName.replace(/[\0/\\]/g, "_");
  const mimeType = typeByExtension(fileName, MATERIAL_TYPES);
  if (!mimeType) throw invalid("file", "material_type");
  const maxBytes = raw.maxBytes ?? MAX_MATERIAL_BYTES;
  let stored;
  try {
    stored = await files.putStream(raw.body, maxBytes);
  } catch (e) {
    if (e instanceof FileTooLargeError)
      throw invalid("file", "file_too_large", { max: Math.round(maxBytes / 1024 / 1024) });
    throw e;
  }
  try {
    if (stored.size === 0) throw invalid("file", "required");
    if (!contentMatches(mimeType, await readHead(files, stored.key))) throw invalid("file", "file_type");
    const label = input.label || fileName;
    return await db.$transaction(async (tx) => {
      const file = await tx.storedFile.create({
        data: {
          storageKey: stored.key,
          name: fileName,
          mimeType,
          size: stored.size,
          sha256: stored.sha256,
          uploadedById: actor.userId || null,
        },
      });
      const row = await tx.trainingMaterial.create({
        data: { courseId: course.id, fileId: file.id, label },
        select: { id: true, label: true },
      });
      await recordAudit(tx, {
        actor,
        channel: "web",
        entityType: "TrainingCourse",
        entityId: course.id,
        action: "update",
        before: {},
        after: {
          [`support ${label}`]: `${fileName} (${stored.size} o, sha256 ${stored.sha256.slice(0, 12)})`,
        },
      });
      return { ...row, name: fileName, size: stored.size };
    });
  } catch (error) {
    await files.remove(stored.key);
    throw error;
  }
}

export async function removeMaterial(db: Db, files: FileStore, actor: Actor, raw: unknown) {
  requireTrainingStaff(actor);
  const { id } = materialIdInput.parse(raw);
  const key = await db.$transaction(async (tx) => {
    const row = await tx.trainingMaterial.findUnique({ where: { id }, include: { file: true } });
    if (!row) throw notFound("material");
    await tx.trainingMaterial.delete({ where: { id } });
    await tx.storedFile.delete({ where: { id: row.fileId } });
    await recordAudit(tx, {
      actor,
      channel: "web",
      entityType: "TrainingCourse",
      entityId: row.courseId,
      action: "update",
      before: { [`support ${row.label}`]: row.file.name },
      after: {},
    });
    return row.file.storageKey;
  });
  await files.remove(key);
  return { id };
}

/** A material's bytes, streamed, for whoever may have the course's materials (else NOT_FOUND). */
export async function readMaterial(
  db: Db,
  files: StreamingFileStore,
  actor: Actor,
  id: string,
  now: Date,
): Promise<{ name: string; mimeType: string; size: number; stream: Readable }> {
  const row = await db.trainingMaterial.findUnique({
    where: { id },
    include: { file: true, course: { select: { id: true, serviceId: true } } },
  });
  if (!row || !(await mayGetMaterials(db, actor, row.course, now))) throw notFound("material");
  return {
    name: row.file.name,
    mimeType: row.file.mimeType,
    size: row.file.size,
    stream: files.openRead(row.file.storageKey),
  };
}
