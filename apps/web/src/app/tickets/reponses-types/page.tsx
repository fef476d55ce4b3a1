import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "../../../components/page-title.tsx";
import { Cell, Table } from "../../../components/table.tsx";
import { api } from "../../../server/api.ts";
import { requireActorOrRedirect } from "../../../server/session.ts";
import { createCannedAction } from "./actions.ts";
import { CannedForm } from "./canned-form.tsx";
import { Placeholders } from "./placeholders.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("cannedReplies");
  return { title: t("title") };
}

export default async function CannedRepliesPage() {
  const actor = await requireActorOrRedirect();
  if (actor.role === "agent") notFound();
  const t = await getTranslations("cannedReplies");
  const replies = await (await api()).cannedReplies.list();
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      {replies.length ? (
        <div className="mb-8">
          <Table caption={t("caption")} headers={[t("titleField"), t("text"), t("kind")]}>
            {replies.map((r) => (
              <tr key={r.id}>
                <Cell header>
                  {r.editable ? <Link href={`/tickets/reponses-types/${r.id}`}>{r.title}</Link> : r.title}
                </Cell>
                <Cell>
                  <span className="line-clamp-2 whitespace-pre-wrap">{r.body}</span>
                </Cell>
                <Cell>{r.shared ? t("sharedBadge") : t("personalBadge")}</Cell>
              </tr>
            ))}
          </Table>
        </div>
      ) : (
        <p className="mb-8">{t("empty")}</p>
      )}
      <h2 className="mb-3 text-lg font-semibold">{t("new")}</h2>
      <Placeholders />
      <CannedForm action={createCannedAction} canShare={actor.role === "manager" || actor.role === "admin"} />
    </>
  );
}
