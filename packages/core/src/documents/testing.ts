// Reads a PDF back with an independent parser (Debian's poppler-utils `pdftotext`), for tests.
import { execFileSync } from "node:child_process";

export function pdfText(pdf: Buffer): string {
  return execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", "-", "-"], { input: pdf }).toString("utf8");
}
