import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Cell, Table } from "../../components/table.tsx";
import { frDate } from "./dates.ts";
import { euros } from "./money.ts";

type Row = {
  id: string;
  number: string;
  bodyName: string;
  periodFrom: string;
  periodTo: string;
  dueCents: number;
  outstandingCents: number;
  state: string;
};

export async function StatementsTable({ statements, caption }: { statements: Row[]; caption: string }) {
  const t = await getTranslations("billing");
  if (statements.length === 0) return <p>{t("noStatement")}</p>;
  return (
    <Table
      caption={caption}
      headers={[
        t("number"),
        t("body"),
        t("period"),
        t("totals.dueCents"),
        t("totals.outstandingCents"),
        t("state"),
        t("pdf"),
      ]}
    >
      {statements.map((s) => (
        <tr key={s.id}>
          <Cell header>
            <Link href={`/facturation/releves/${s.id}`}>{s.number}</Link>
          </Cell>
          <Cell>{s.bodyName}</Cell>
          <Cell>
            {frDate(s.periodFrom)} – {frDate(s.periodTo)}
          </Cell>
          <Cell>{euros(s.dueCents)}</Cell>
          <Cell>{euros(s.outstandingCents)}</Cell>
          <Cell>{t(`states.${s.state}`)}</Cell>
          <Cell>
            <a href={`/facturation/releves/${s.id}/pdf`}>{t("downloadPdf", { number: s.number })}</a>
          </Cell>
        </tr>
      ))}
    </Table>
  );
}
