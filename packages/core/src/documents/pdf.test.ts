import { describe, expect, it } from "vitest";
import { euros, heading, keyValues, pdfText, renderPdf, sha256Hex, table, validations } from "./index.ts";

describe("documents", () => {
  it("renders a PDF whose extracted text holds French accents, the provider, validations and page numbers", async () => {
    const rows = Array.from({ length: 80 }, (_, i) => [
      `MUT-${String(i + 1).padStart(4, "0")}`,
      "Câble réseau",
      "état : bon",
    ]);
    const pdf = await renderPdf({
      title: "Procès-verbal de restitution",
      subtitle: "Prêt n° 2026-0042 — Commune d’Étréchy",
      provider: { name: "DSI Métropole Fictive" },
      createdAt: new Date("2026-03-29T01:30:00Z"),
      content: [
        heading("Éléments"),
        keyValues([
          ["Organisme", "CCAS de Saint-Œuf"],
          ["Montant", euros(123456)],
        ]),
        table([{ title: "Étiquette" }, { title: "Désignation" }, { title: "Remarque" }], rows, {
          highlight: (i) => i === 3,
        }),
        validations(
          [
            {
              role: "Technicien",
              name: "Élodie Garçon",
              at: new Date("2026-03-29T08:00:00Z"),
              ip: "10.0.0.7",
              sha256: sha256Hex({ a: 1 }),
            },
          ],
          ["Agent de l’organisme"],
        ),
      ],
    });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(pdf);
    expect(text).toContain("Procès-verbal de restitution");
    expect(text).toContain("DSI Métropole Fictive");
    expect(text).toContain("CCAS de Saint-Œuf");
    expect(text).toMatch(/1\s?234,56\s?€/);
    expect(text).toContain("Élodie Garçon");
    expect(text).toContain("MUT-0080");
    expect(text).toMatch(/Page 1 sur \d/);
    expect(text).toContain("Agent de l’organisme : à signer");
    expect(text).toContain(sha256Hex({ a: 1 }));
  });

  it("fingerprints content independently of key order", () => {
    expect(sha256Hex({ b: [1, { y: 2, x: 1 }], a: "é" })).toBe(sha256Hex({ a: "é", b: [1, { x: 1, y: 2 }] }));
    expect(sha256Hex({ a: 1 })).not.toBe(sha256Hex({ a: 2 }));
  });
});
