export * from "./schema.ts";
export {
  custodyProblem,
  eurosToCents,
  centsToEuros,
  labelSlot,
  assetUrl,
  LABEL_SHEET,
  LABELS_PER_PAGE,
  eventsSinceCustody,
} from "./rules.ts";
export { canManageAssets, canEditKinds, canSeeAsset, assertAssetVisible } from "./policy.ts";
export {
  createAsset,
  updateAsset,
  recordAssetEvent,
  setAssetCustody,
  addKitItem,
  removeKitItem,
  addKitAccessory,
  removeKitAccessory,
  createAssetKind,
  updateAssetKind,
  type CustodyChange,
} from "./service.ts";
export {
  listAssets,
  getAsset,
  assetsHeldBy,
  listAssetKinds,
  assertAssetPickable,
  assetListSelect,
  type AssetListItem,
} from "./queries.ts";
export { addAssetFile, removeAssetFile, readAssetFile } from "./files.ts";
export {
  importAssetsCsv,
  ASSET_CSV_COLUMNS,
  type AssetImportReport,
  type AssetImportRowError,
} from "./import-csv.ts";
export { assetLabelsPdf } from "./labels.ts";
