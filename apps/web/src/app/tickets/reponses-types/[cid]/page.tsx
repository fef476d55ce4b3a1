import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "../../../../components/page-title.tsx";
import { ConfirmDialog } from "../../../../components/ui/index.ts";
import { api } from "../../../../server/api.ts";
import { requireActorOrRedirect } from "../../../../server/session.ts";
import { deleteCannedAction, updateCannedAction } from "../actions.ts";
import { CannedForm } from "../canned-form.tsx";
import { Placeholders } from "../placeholders.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("cannedReplies");
  return { title: t("editTitle") };
}

export default async function CannedReplyPage({ params }: { params: Promise<{ cid: string }> }) {
  const actor = await requireActorOrRedirect();
  if (actor.role === "agent") notFound();
  const { cid } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(cid)) notFound();
  const t = await getTranslations("cannedReplies");
  const common = await getTranslations("ticketPage");
  const reply = await (await api()).cannedReplies.get({ id: cid }).catch(() => null);
  if (!reply || !reply.editable) notFound();
  return (
    <>
      <PageTitle lead={<Link href="/tickets/reponses-types">{t("back")}</Link>}>{t("editTitle")}</PageTitle>
      <Placeholders />
      <CannedForm
        action={updateCannedAction.bind(null, cid)}
        canShare={actor.role === "manager" || actor.role === "admin"}
        initial={{ title: reply.title, body: reply.body, shared: reply.shared }}
      />
      <div className="mt-8">
        <ConfirmDialog
          trigger={t("delete")}
          title={t("deleteTitle", { title: reply.title })}
          consequence={t("deleteConsequence")}
          confirmLabel={t("delete")}
          cancelLabel={common("cancel")}
          action={deleteCannedAction.bind(null, cid)}
        />
      </div>
    </>
  );
}
