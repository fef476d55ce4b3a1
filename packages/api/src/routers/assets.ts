import {
  accessoryInput,
  addAssetFile,
  addKitAccessory,
  addKitItem,
  assetFileIdInput,
  assetFileInput,
  assetIdInput,
  assetsHeldBy,
  bodyAssetsInput,
  createAsset,
  createAssetInput,
  createAssetKind,
  getAsset,
  importAssetsCsv,
  importAssetsInput,
  kindInput,
  kitItemInput,
  listAssetKinds,
  listAssets,
  listAssetsInput,
  removeAccessoryInput,
  removeAssetFile,
  removeKitAccessory,
  removeKitItem,
  removeKitItemInput,
  updateAsset,
  updateAssetInput,
  updateAssetKind,
  updateKindInput,
} from "@mutuo/core/assets";
import { authedProcedure, router } from "../trpc.ts";

export const assetsRouter = router({
  list: authedProcedure
    .input(listAssetsInput)
    .query(({ ctx, input }) => listAssets(ctx.db, ctx.actor, input)),
  get: authedProcedure.input(assetIdInput).query(({ ctx, input }) => getAsset(ctx.db, ctx.actor, input)),
  heldBy: authedProcedure
    .input(bodyAssetsInput)
    .query(({ ctx, input }) => assetsHeldBy(ctx.db, ctx.actor, input)),
  kinds: authedProcedure.query(({ ctx }) => listAssetKinds(ctx.db, ctx.actor)),
  create: authedProcedure
    .input(createAssetInput)
    .mutation(({ ctx, input }) => createAsset(ctx.db, ctx.actor, input)),
  update: authedProcedure
    .input(updateAssetInput)
    .mutation(({ ctx, input }) => updateAsset(ctx.db, ctx.actor, input)),
  addKitItem: authedProcedure
    .input(kitItemInput)
    .mutation(({ ctx, input }) => addKitItem(ctx.db, ctx.actor, input)),
  removeKitItem: authedProcedure
    .input(removeKitItemInput)
    .mutation(({ ctx, input }) => removeKitItem(ctx.db, ctx.actor, input)),
  addAccessory: authedProcedure
    .input(accessoryInput)
    .mutation(({ ctx, input }) => addKitAccessory(ctx.db, ctx.actor, input)),
  removeAccessory: authedProcedure
    .input(removeAccessoryInput)
    .mutation(({ ctx, input }) => removeKitAccessory(ctx.db, ctx.actor, input)),
  createKind: authedProcedure
    .input(kindInput)
    .mutation(({ ctx, input }) => createAssetKind(ctx.db, ctx.actor, input)),
  updateKind: authedProcedure
    .input(updateKindInput)
    .mutation(({ ctx, input }) => updateAssetKind(ctx.db, ctx.actor, input)),
  addFile: authedProcedure
    .input(assetFileInput)
    .mutation(({ ctx, input }) => addAssetFile(ctx.db, ctx.files, ctx.actor, input)),
  removeFile: authedProcedure
    .input(assetFileIdInput)
    .mutation(({ ctx, input }) => removeAssetFile(ctx.db, ctx.files, ctx.actor, input)),
  importCsv: authedProcedure
    .input(importAssetsInput)
    .mutation(({ ctx, input }) => importAssetsCsv(ctx.db, ctx.actor, input)),
});
