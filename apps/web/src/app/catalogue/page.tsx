import { getTranslations } from "next-intl/server";
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
  const services = await (await api()).catalogue.list();
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      {services.length === 0 ? (
        <p className="text-slate-700">{t("empty")}</p>
      ) : (
        <Table caption={t("caption")} headers={[t("name"), t("code"), t("description"), t("lends")]}>
          {services.map((s) => (
            <tr key={s.id}>
              <Cell header>{s.name}</Cell>
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
