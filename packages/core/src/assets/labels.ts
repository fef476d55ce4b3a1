// QR labels: a PDF sheet (A4, 3 × 8 labels of 70 × 37 mm) for a selection of assets, each with its
// tag, kind and model, and a QR code holding the absolute address of the asset's page. Scanning it on
// a phone opens that page (after signing in, the sign-in page brings the person back to it).
import QRCode from "qrcode";
import type { Content } from "pdfmake/interfaces";
import type { Db } from "@mutuo/db";
import type { Actor } from "../access/index.ts";
import { renderPdf } from "../documents/index.ts";
import { notFound } from "../errors/index.ts";
import { requireAssetManager } from "./policy.ts";
import { assetUrl, LABEL_SHEET, LABELS_PER_PAGE, mmToPt } from "./rules.ts";
import { labelsInput } from "./schema.ts";
import type { z } from "zod";

const W = mmToPt(LABEL_SHEET.widthMm);
const H = mmToPt(LABEL_SHEET.heightMm);
const QR = mmToPt(27);

function label(a: { tag: string; kind: string; model: string; url: string; qr: string }): Content {
  return {
    columns: [
      { image: a.qr, width: QR, height: QR },
      {
        stack: [
          { text: a.tag, bold: true, fontSize: 11 },
          { text: a.kind, fontSize: 8, margin: [0, 3, 0, 0] },
          { text: a.model, fontSize: 8, color: "#334155" },
        ],
        margin: [6, 4, 0, 0],
      },
    ],
    margin: [mmToPt(4), (H - QR) / 2, mmToPt(2), 0],
  } as Content;
}

/** The PDF of labels for these assets, in the order given. */
export async function assetLabelsPdf(
  db: Db,
  actor: Actor,
  raw: z.input<typeof labelsInput>,
  baseUrl: string,
): Promise<Buffer> {
  requireAssetManager(actor);
  const { ids } = labelsInput.parse(raw);
  const unique = [...new Set(ids)];
  const rows = await db.asset.findMany({
    where: { id: { in: unique } },
    select: { id: true, tag: true, manufacturer: true, model: true, kind: { select: { label: true } } },
  });
  if (rows.length !== unique.length) throw notFound("asset");
  const byId = new Map(rows.map((r) => [r.id, r]));
  const labels = await Promise.all(
    unique.map(async (id) => {
      const a = byId.get(id)!;
      const url = assetUrl(baseUrl, a.id);
      const qr = await QRCode.toDataURL(url, { errorCorrectionLevel: "M", margin: 1, width: 240 });
      return label({
        tag: a.tag,
        kind: a.kind.label,
        model: [a.manufacturer, a.model].filter(Boolean).join(" "),
        url,
        qr,
      });
    }),
  );
  const pages: Content[] = [];
  for (let p = 0; p * LABELS_PER_PAGE < labels.length; p++) {
    const slice = labels.slice(p * LABELS_PER_PAGE, (p + 1) * LABELS_PER_PAGE);
    const body: Content[][] = [];
    for (let r = 0; r < LABEL_SHEET.rows; r++)
      body.push(
        Array.from(
          { length: LABEL_SHEET.columns },
          (_, c) => slice[r * LABEL_SHEET.columns + c] ?? { text: "" },
        ),
      );
    pages.push({
      table: {
        widths: Array(LABEL_SHEET.columns).fill(W - 0.01),
        heights: H - 0.01,
        body,
        dontBreakRows: true,
      },
      layout: {
        hLineWidth: () => 0,
        vLineWidth: () => 0,
        paddingLeft: () => 0,
        paddingRight: () => 0,
        paddingTop: () => 0,
        paddingBottom: () => 0,
      },
      ...(p > 0 ? { pageBreak: "before" } : {}),
    } as Content);
  }
  return renderPdf({ title: "Étiquettes d'équipement", content: pages, sheet: { margins: [0, 0, 0, 0] } });
}
