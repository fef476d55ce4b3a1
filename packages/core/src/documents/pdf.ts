// The one PDF path of Mutuo: every document people sign or file (loan inventories, return reports,
// sign-in sheets, certificates, statements, reports) is built here with pdfmake.
// Why pdfmake: declarative documents (tables that break across pages, repeated header rows, page
// numbers in the footer) on top of pdfkit, real text that pdftotext extracts, and the Roboto TTF
// fonts shipped inside the npm package (Latin-1 and Latin Extended: French accents, « », €),
// embedded in each PDF, so nothing is fetched at run time. The package is kept external to the
// Next.js bundle (serverExternalPackages) so that it finds its own font files.
import { createRequire } from "node:module";
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces";

const require = createRequire(import.meta.url);

type PdfMake = {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
};

let engine: PdfMake | undefined;
function pdfmake(): PdfMake {
  if (engine) return engine;
  const pm = require("pdfmake") as PdfMake;
  const roboto = require("pdfmake/fonts/Roboto.js") as { Roboto: Record<string, string> };
  const fontFiles = new Set(Object.values(roboto.Roboto));
  pm.setFonts(roboto);
  // Documents never load anything from the network, and from the disk only their fonts.
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy((p) => fontFiles.has(p));
  engine = pm;
  return pm;
}

export type ProviderIdentity = { name: string; address?: string };

/** The provider shown in every document's header (the same setting as the e-mails' header). */
export function providerIdentity(): ProviderIdentity {
  return {
    name: process.env.MAIL_PROVIDER_NAME?.trim() || "Mutuo",
    address: process.env.MUTUO_PROVIDER_ADDRESS?.trim() || undefined,
  };
}

export type DocumentSpec = {
  /** Title of the document (PDF metadata and the heading of the first page). */
  title: string;
  /** A line under the title (a reference, a period…). */
  subtitle?: string;
  /** The body, in pdfmake content (use the helpers of `blocks.ts`). */
  content: Content[];
  /** Landscape for wide tables. */
  landscape?: boolean;
  /** Fixed creation date (reproducible bytes in tests); default now. */
  createdAt?: Date;
  provider?: ProviderIdentity;
  locale?: "fr" | "en";
  /** A sheet printed edge to edge (labels): these margins, no header, footer nor title. */
  sheet?: { margins: [number, number, number, number] };
};

const INK = "#0f172a";
const MUTED = "#475569";
const ACCENT = "#1d4ed8";

/** A small mark of our own drawn as vectors (no image file): a rounded square with two links. */
function logo(): Content {
  return {
    canvas: [
      { type: "rect", x: 0, y: 0, w: 22, h: 22, r: 5, color: ACCENT },
      { type: "ellipse", x: 8, y: 11, r1: 4, r2: 4, lineColor: "#ffffff", lineWidth: 1.6 },
      { type: "ellipse", x: 14, y: 11, r1: 4, r2: 4, lineColor: "#ffffff", lineWidth: 1.6 },
    ],
    width: 26,
  } as Content;
}

/** Builds the PDF bytes of a document: header with the provider, title, body, page numbers. */
export async function renderPdf(spec: DocumentSpec): Promise<Buffer> {
  const provider = spec.provider ?? providerIdentity();
  const en = spec.locale === "en";
  const createdAt = spec.createdAt ?? new Date();
  const generated = new Intl.DateTimeFormat(en ? "en-GB" : "fr-FR", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Paris",
  }).format(createdAt);
  const doc: TDocumentDefinitions = {
    pageSize: "A4",
    pageOrientation: spec.landscape ? "landscape" : "portrait",
    pageMargins: [40, 70, 40, 50],
    info: {
      title: spec.title,
      author: provider.name,
      creator: "Mutuo",
      producer: "Mutuo (pdfmake)",
      creationDate: createdAt,
    },
    language: en ? "en-GB" : "fr-FR",
    defaultStyle: { font: "Roboto", fontSize: 9.5, color: INK, lineHeight: 1.2 },
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 0, 0, 2] },
      subtitle: { fontSize: 10.5, color: MUTED, margin: [0, 0, 0, 12] },
      h2: { fontSize: 12, bold: true, margin: [0, 12, 0, 6] },
      h3: { fontSize: 10.5, bold: true, margin: [0, 8, 0, 4] },
      muted: { color: MUTED },
      th: { bold: true, fillColor: "#e2e8f0" },
      warn: { color: "#b91c1c", bold: true },
    },
    header: () => ({
      margin: [40, 24, 40, 0],
      columns: [
        logo(),
        {
          stack: [
            { text: provider.name, bold: true, fontSize: 11 },
            ...(provider.address ? [{ text: provider.address, style: "muted", fontSize: 8.5 }] : []),
          ],
          margin: [4, 2, 0, 0],
        },
        {
          text: en ? `Generated on ${generated}` : `Édité le ${generated}`,
          alignment: "right",
          style: "muted",
          fontSize: 8,
          margin: [0, 6, 0, 0],
        },
      ],
    }),
    footer: (page: number, pages: number) => ({
      margin: [40, 16, 40, 0],
      columns: [
        { text: spec.title, style: "muted", fontSize: 8 },
        {
          text: en ? `Page ${page} of ${pages}` : `Page ${page} sur ${pages}`,
          alignment: "right",
          style: "muted",
          fontSize: 8,
        },
      ],
    }),
    content: [
      { text: spec.title, style: "title" },
      ...(spec.subtitle
        ? [{ text: spec.subtitle, style: "subtitle" }]
        : [{ text: "", margin: [0, 0, 0, 8] }]),
      ...spec.content,
    ] as Content[],
  };
  if (spec.sheet)
    Object.assign(doc, {
      pageMargins: spec.sheet.margins,
      header: undefined,
      footer: undefined,
      content: spec.content,
    });
  return pdfmake().createPdf(doc).getBuffer();
}
