"use client";
// Saving the queue's current filters as a view, and renaming or deleting a saved one.
import { Pencil, Save, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActionForm, Field, Submit } from "../../components/form.tsx";
import { Button } from "../../components/ui/button.tsx";
import { ConfirmDialog } from "../../components/ui/confirm-dialog.tsx";
import { Dialog, DialogContent, DialogTrigger } from "../../components/ui/dialog.tsx";
import { createViewAction, deleteViewAction, renameViewAction } from "./view-actions.ts";

export function SaveViewDialog({
  filters,
  cols,
  canShare,
}: {
  filters: Record<string, string>;
  cols: string;
  canShare: boolean;
}) {
  const t = useTranslations("queue");
  const ui = useTranslations("ui");
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm">
          <Save aria-hidden="true" className="size-4" />
          {t("saveView")}
        </Button>
      </DialogTrigger>
      <DialogContent title={t("saveViewTitle")} description={t("saveViewLead")} closeLabel={ui("close")}>
        <ActionForm action={createViewAction}>
          <input type="hidden" name="filters" value={JSON.stringify(filters)} />
          <input type="hidden" name="cols" value={cols} />
          <Field name="name" label={t("viewName")} required maxLength={60} />
          {canShare ? (
            <label className="flex items-center gap-2">
              <input type="checkbox" name="shared" className="size-4" />
              {t("shareView")}
            </label>
          ) : null}
          <Submit>{t("save")}</Submit>
        </ActionForm>
      </DialogContent>
    </Dialog>
  );
}

export function ManageView({
  id,
  name,
  shared,
  back,
}: {
  id: string;
  name: string;
  shared: boolean;
  back: string;
}) {
  const t = useTranslations("queue");
  const ui = useTranslations("ui");
  const [open, setOpen] = useState(false);
  return (
    <span className="flex items-center gap-1">
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogTrigger asChild>
          <Button variant="ghost" size="sm">
            <Pencil aria-hidden="true" className="size-4" />
            {t("renameView")}
          </Button>
        </DialogTrigger>
        <DialogContent title={t("renameViewTitle", { name })} closeLabel={ui("close")}>
          <ActionForm action={renameViewAction.bind(null, back)}>
            <input type="hidden" name="id" value={id} />
            <Field name="name" label={t("viewName")} required maxLength={60} defaultValue={name} />
            <Submit>{t("save")}</Submit>
          </ActionForm>
        </DialogContent>
      </Dialog>
      <ConfirmDialog
        trigger={
          <>
            <Trash2 aria-hidden="true" className="size-4" />
            {t("deleteView")}
          </>
        }
        triggerVariant="ghost"
        triggerSize="sm"
        title={t("deleteViewTitle", { name })}
        consequence={t("deleteViewConsequence", { shared: String(shared) })}
        confirmLabel={t("deleteView")}
        cancelLabel={ui("cancel")}
        action={deleteViewAction}
        fields={{ id }}
      />
    </span>
  );
}
