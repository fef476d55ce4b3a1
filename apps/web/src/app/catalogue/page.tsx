import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { currentActor } from "../../server/session.ts";
import { PageTitle } from "../../components/page-title.tsx";
import { Cell, Table } from "../../components/table.tsx";
import { api } from "../../server/api.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("catalogue");
  return { title: t("title") };
}

export default async function CataloguePage() {
  const t = await getTranslations("catalogue");
  const actor = await currentActor();
  const manager = actor?.role === "manager" || actor?.role === "admin";
  const services = await (await api()).catalogue.list({ activeOnly: !manager });
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      {manager ? (
        <p className="mb-4">
          <Link href="/catalogue/nouveau">{t("new")}</Link>
        </p>
      ) : null}
      {services.length === 0 ? (
        <p className="text-slate-700">{t("empty")}</p>
      ) : (
        <Table caption={t("caption")} headers={[t("name"), t("code"), t("description"), t("lends")]}>
          {services.map((s) => (
            <tr key={s.id}>
              <Cell header>
                <Link href={`/catalogue/${s.id}`}>{s.name}</Link>
                {s.active ? null : <span className="ml-2 text-xs">({t("inactive")})</span>}
              </Cell>
              <Cell>
                <code className="text-xs">{s.code}</code>
              </Cell>
              <Cell>{s.description}</Cell>
              <Cell>{s.lendsEquipment ? t("yes") : t("no")}</Cell>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
