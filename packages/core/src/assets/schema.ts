import { z } from "zod";
import { isoDateInput } from "../shared/dates.ts";
import { text } from "../shared/text.ts";

export const ASSET_STATUSES = [
  "in_stock",
  "reserved",
  "lent",
  "in_repair",
  "lost",
  "stolen",
  "retired",
] as const;
export type AssetStatusValue = (typeof ASSET_STATUSES)[number];

/** 20 MB: a phone photo or a scanned invoice; a 30 MB photo is refused on the field "file". */
export const MAX_ASSET_FILE_BYTES = 20 * 1024 * 1024;
/** Labels printed at once (ten A4 sheets of 24). */
export const MAX_LABELS = 240;

const uuid = z.uuid();
const optionalText = (max: number) =>
  text()
    .trim()
    .max(max)
    .nullish()
    .transform((s) => s || null);
const optionalDate = isoDateInput
  .nullish()
  .or(z.literal(""))
  .transform((s) => s || null);

export const assetFields = z.object({
  /** The inventory tag printed on the label: letters, digits and - _ . / only. */
  tag: text()
    .trim()
    .min(1, "required")
    .max(40)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, "asset_tag"),
  serialNumber: optionalText(100),
  kindId: uuid,
  manufacturer: text().trim().max(120).default(""),
  model: text().trim().max(120).default(""),
  status: z.enum(ASSET_STATUSES).default("in_stock"),
  /** The partner body holding or hosting it; null while at the provider's site. */
  bodyId: uuid.nullish().transform((s) => s ?? null),
  location: text().trim().max(300).default(""),
  purchaseDate: optionalDate,
  purchaseValueCents: z.number().int().min(0, "amount").max(100_000_000, "amount").nullish(),
  warrantyEnd: optionalDate,
  notes: text().trim().max(5000).default(""),
});
export const createAssetInput = assetFields;
export type CreateAssetInput = z.input<typeof createAssetInput>;
export const updateAssetInput = assetFields.extend({ id: uuid });
export type UpdateAssetInput = z.input<typeof updateAssetInput>;

export const assetIdInput = z.object({ id: uuid });

export const listAssetsInput = z.object({
  kindId: uuid.optional(),
  status: z.enum(ASSET_STATUSES).optional(),
  bodyId: uuid.optional(),
  /** Warranty ending on or before this date. */
  warrantyBefore: isoDateInput.optional(),
  /** Part of the tag, serial number or model. */
  q: text().trim().max(100).optional(),
  cursor: text().max(500).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type ListAssetsInput = z.input<typeof listAssetsInput>;

export const bodyAssetsInput = z.object({ bodyId: uuid });

export const kitItemInput = z.object({
  kitId: uuid,
  /** The item's tag or serial number, as read on it. */
  item: text().trim().min(1, "required").max(100),
});
export const removeKitItemInput = z.object({ kitId: uuid, itemId: uuid });
export const accessoryInput = z.object({
  kitId: uuid,
  label: text().trim().min(1, "required").max(120),
  quantity: z.number().int().min(1, "quantity").max(1000, "quantity"),
});
export const removeAccessoryInput = z.object({ id: uuid });

export const kindInput = z.object({
  code: text()
    .trim()
    .min(2, "required")
    .max(40)
    .regex(/^[a-z][a-z0-9_]*$/, "kind_code"),
  label: text().trim().min(1, "required").max(80),
  holdsData: z.boolean().default(false),
  isKit: z.boolean().default(false),
  position: z.number().int().min(0).max(10_000).default(100),
  active: z.boolean().default(true),
});
export const updateKindInput = kindInput.extend({ id: uuid });

export const assetFileInput = z.object({
  assetId: uuid,
  label: text().trim().max(120).default(""),
  fileName: text().trim().min(1, "required").max(200),
  mimeType: text().max(200),
  contentBase64: text().max(64_000_000, "file_too_large"),
});
export const assetFileIdInput = z.object({ id: uuid });

export const importAssetsInput = z.object({ content: text().max(5_000_000) });

export const labelsInput = z.object({ ids: z.array(uuid).min(1, "required").max(MAX_LABELS) });
