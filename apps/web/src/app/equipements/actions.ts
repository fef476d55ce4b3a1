"use server";
import { eurosToCents } from "@mutuo/core/assets";
import { revalidatePath } from "next/cache";
import type { FormState } from "../../lib/form-state.ts";
import { formText, runThenRedirect } from "../../server/form-action.ts";
import { api } from "../../server/api.ts";
import { toFormState } from "../../server/form-errors.ts";

function assetFrom(fd: FormData) {
  return {
    tag: formText(fd, "tag"),
    serialNumber: formText(fd, "serialNumber") || null,
    kindId: formText(fd, "kindId"),
    manufacturer: formText(fd, "manufacturer"),
    model: formText(fd, "model"),
    status: formText(fd, "status") as "in_stock",
    bodyId: formText(fd, "bodyId") || null,
    location: formText(fd, "location"),
    purchaseDate: formText(fd, "purchaseDate") || null,
    // Typed in euros; a wrong amount reaches the schema as NaN and is refused on its field.
    purchaseValueCents: eurosToCents(formText(fd, "purchaseValueCents")),
    warrantyEnd: formText(fd, "warrantyEnd") || null,
    notes: formText(fd, "notes"),
  };
}

export async function saveAssetAction(id: string | null, _: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    const asset = id ? await c.assets.update({ id, ...assetFrom(fd) }) : await c.assets.create(assetFrom(fd));
    return `/equipements/${asset.id}`;
  });
}

export async function addKitItemAction(kitId: string, _: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    await c.assets.addKitItem({ kitId, item: formText(fd, "item") });
    return `/equipements/${kitId}#kit`;
  });
}

export async function removeKitItemAction(kitId: string, itemId: string, _: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    await c.assets.removeKitItem({ kitId, itemId });
    return `/equipements/${kitId}#kit`;
  });
}

export async function addAccessoryAction(kitId: string, _: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    const quantity = formText(fd, "quantity");
    await c.assets.addAccessory({
      kitId,
      label: formText(fd, "accessory"),
      quantity: /^\d{1,6}$/.test(quantity) ? Number(quantity) : Number.NaN,
    });
    return `/equipements/${kitId}#kit`;
  });
}

export async function removeAccessoryAction(kitId: string, id: string, _: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    await c.assets.removeAccessory({ id });
    return `/equipements/${kitId}#kit`;
  });
}

export async function addFileAction(assetId: string, _: FormState, fd: FormData) {
  return runThenRedirect(
    fd,
    async (c) => {
      const file = fd.get("file");
      const f = file instanceof File && file.size > 0 ? file : null;
      await c.assets.addFile({
        assetId,
        label: formText(fd, "label"),
        fileName: f?.name.slice(0, 200) ?? "",
        mimeType: f?.type || "application/octet-stream",
        contentBase64: f ? Buffer.from(await f.arrayBuffer()).toString("base64") : "",
      });
      return `/equipements/${assetId}#fichiers`;
    },
    ["file"],
  );
}

export async function removeFileAction(assetId: string, id: string, _: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    await c.assets.removeFile({ id });
    return `/equipements/${assetId}#fichiers`;
  });
}

export async function importAssetsAction(_: FormState, fd: FormData): Promise<FormState> {
  const file = fd.get("file");
  if (!(file instanceof File) || file.size === 0)
    return toFormState(Object.assign(new Error(), { issues: [{ path: ["file"], message: "required" }] }), {});
  try {
    const report = await (await api()).assets.importCsv({ content: await file.text() });
    if (report.imported > 0) revalidatePath("/equipements");
    return { ok: report.errors.length === 0, data: report };
  } catch (e) {
    return toFormState(e, {});
  }
}

export async function saveKindAction(id: string | null, _: FormState, fd: FormData) {
  return runThenRedirect(fd, async (c) => {
    const kind = {
      code: formText(fd, "code"),
      label: formText(fd, "label"),
      holdsData: fd.get("holdsData") === "on",
      isKit: fd.get("isKit") === "on",
      position: /^\d{1,5}$/.test(formText(fd, "position")) ? Number(formText(fd, "position")) : 100,
      active: id ? fd.get("active") === "on" : true,
    };
    if (id) await c.assets.updateKind({ id, ...kind });
    else await c.assets.createKind(kind);
    return "/equipements/types";
  });
}
