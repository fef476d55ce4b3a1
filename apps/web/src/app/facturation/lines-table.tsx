import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { StatementLine } from "@mutuo/core/billing";
import { Cell, Table } from "../../components/table.tsx";
import { euros } from "./money.ts";

/** Statement lines with every basis and a link to the source. */
export async function LinesTable({ lines, caption }: { lines: StatementLine[]; caption: string }) {
  const t = await getTranslations("billing");
  if (lines.length === 0) return <p>{t("noLine")}</p>;
  return (
    <Table caption={caption} headers={["#", t("line"), t("coding"), t("gross"), t("provider"), t("amount")]}>
      {lines.map((l, i) => (
        <tr key={i} data-kind={l.kind}>
          <Cell>{i + 1}</Cell>
          <Cell header>
            <span className="font-semibold">{l.label}</span>
            <ul className="mt-1 list-disc pl-5 font-normal text-slate-700">
              {l.basis.map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ul>
            <p className="mt-1 font-normal">
              {t("source")} {l.source.href ? <Link href={l.source.href}>{l.source.ref}</Link> : l.source.ref}
            </p>
          </Cell>
          <Cell>{l.coding ? `${l.coding.chapter} / ${l.coding.article} / ${l.coding.function}` : "—"}</Cell>
          <Cell>{euros(l.grossCents)}</Cell>
          <Cell>{l.providerCents ? `− ${euros(l.providerCents)}` : "—"}</Cell>
          <Cell>
            <strong>{euros(l.amountCents)}</strong>
          </Cell>
        </tr>
      ))}
    </Table>
  );
}
