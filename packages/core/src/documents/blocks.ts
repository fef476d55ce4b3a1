// Small building blocks for documents, so that every PDF of Mutuo looks the same.
import type { Content, TableCell } from "pdfmake/interfaces";

export type Cell = string | number | null | undefined | { text: string; bold?: boolean; warn?: boolean };

function cell(c: Cell): TableCell {
  if (c === null || c === undefined) return { text: "—" };
  if (typeof c === "object") return { text: c.text, bold: c.bold, style: c.warn ? "warn" : undefined };
  return { text: String(c) };
}

export function heading(text: string, level: 2 | 3 = 2): Content {
  return { text, style: level === 2 ? "h2" : "h3", headlineLevel: level } as Content;
}

export function paragraph(text: string, opts: { muted?: boolean } = {}): Content {
  return { text, style: opts.muted ? "muted" : undefined, margin: [0, 0, 0, 6] };
}

/** Label / value pairs in two columns (the identity of a body, a loan, a session…). */
export function keyValues(rows: [string, Cell][]): Content {
  return {
    table: {
      widths: [150, "*"],
      body: rows.map(([k, v]) => [{ text: k, style: "muted" }, cell(v)]),
    },
    layout: "noBorders",
    margin: [0, 0, 0, 8],
  };
}

export type Column = { title: string; width?: number | "*" | "auto"; align?: "left" | "right" | "center" };

/** A table whose header row repeats on every page; `highlight` rows are shaded (a difference, a breach). */
export function table(
  columns: Column[],
  rows: Cell[][],
  opts: { highlight?: (i: number) => boolean } = {},
): Content {
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: columns.map((c) => c.width ?? "*"),
      body: [
        columns.map((c) => ({ text: c.title, style: "th", alignment: c.align })),
        ...rows.map((r, i) =>
          r.map((c, j) => ({
            ...(cell(c) as object),
            alignment: columns[j]?.align,
            fillColor: opts.highlight?.(i) ? "#fee2e2" : undefined,
          })),
        ),
      ],
    },
    layout: {
      hLineColor: () => "#cbd5e1",
      vLineColor: () => "#cbd5e1",
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
    margin: [0, 0, 0, 8],
  } as Content;
}

export type Validation = {
  role: string;
  name: string;
  at: Date;
  ip?: string | null;
  sha256?: string | null;
};

const when = (d: Date, locale: "fr" | "en") =>
  new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "fr-FR", {
    dateStyle: "long",
    timeStyle: "medium",
    timeZone: "Europe/Paris",
  }).format(d);

/**
 * The validations of a document by its parties (name, role, instant, IP, SHA-256 of the content
 * validated), or the empty boxes to sign by hand when `pending` parties remain.
 */
export function validations(done: Validation[], pending: string[] = [], locale: "fr" | "en" = "fr"): Content {
  const en = locale === "en";
  const rows: Content[] = done.map((v) => ({
    stack: [
      { text: `${v.role} : ${v.name}`, bold: true },
      {
        text: `${en ? "Validated on" : "Validé le"} ${when(v.at, locale)}${v.ip ? ` — IP ${v.ip}` : ""}`,
      },
      ...(v.sha256 ? [{ text: `SHA-256 : ${v.sha256}`, style: "muted", fontSize: 7.5 }] : []),
    ],
    margin: [0, 0, 0, 6],
  }));
  for (const role of pending) {
    rows.push({
      table: { widths: ["*"], heights: [50], body: [[{ text: `${role} : ${en ? "to sign" : "à signer"}` }]] },
      margin: [0, 0, 0, 6],
    });
  }
  return { stack: rows, unbreakable: true } as Content;
}

/** Formats integer cents as euros, French style (1 234,56 €). */
export function euros(cents: number, locale: "fr" | "en" = "fr"): string {
  return new Intl.NumberFormat(locale === "en" ? "en-GB" : "fr-FR", {
    style: "currency",
    currency: "EUR",
  }).format(cents / 100);
}
