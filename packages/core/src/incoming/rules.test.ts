import { describe, expect, it } from "vitest";
import { isAutomatic, referencedIds, stripQuoted, ticketNumberIn } from "./rules.ts";

describe("incoming mail rules", () => {
  it("recognises auto-replies, bounces, lists and our own messages", () => {
    expect(isAutomatic({ "Auto-Submitted": "auto-replied" })).toBe(true);
    expect(isAutomatic({ "Auto-Submitted": "no", From: "agent@bellerive.example" })).toBe(false);
    expect(isAutomatic({ Precedence: "bulk" })).toBe(true);
    expect(isAutomatic({ "X-Auto-Response-Suppress": "All" })).toBe(true);
    expect(isAutomatic({ "Return-Path": "<>" })).toBe(true);
    expect(isAutomatic({ From: "MAILER-DAEMON@mx.example" })).toBe(true);
    expect(isAutomatic({ From: "Mutuo <mutuo@val-orlene.example>" }, ["mutuo@val-orlene.example"])).toBe(
      true,
    );
    expect(isAutomatic({ "X-Mutuo-Ticket": "SOS-2026-000001" })).toBe(true);
    expect(isAutomatic({ From: "Marc Delorme <agent@bellerive.example>" })).toBe(false);
  });

  it("finds the ticket number and the referenced messages", () => {
    expect(ticketNumberIn("RE: TR: [sos-2026-000123] Demande reçue")).toBe("SOS-2026-000123");
    expect(ticketNumberIn("Bonjour")).toBeNull();
    expect(referencedIds({ "In-Reply-To": "<b@mutuo>", References: "<a@mutuo> <b@mutuo>" })).toEqual([
      "<b@mutuo>",
      "<a@mutuo>",
    ]);
  });

  it("keeps only the new part of a reply", () => {
    const fr =
      "Le problème persiste.\nMerci.\n\nLe lun. 23 nov. 2026 à 10:00, Mutuo <mutuo@val-orlene.example> a écrit :\n> Votre demande est enregistrée.\n";
    expect(stripQuoted(fr)).toBe("Le problème persiste.\nMerci.");
    const outlook = "Toujours en panne\r\n\r\n-----Original Message-----\r\nFrom: Mutuo\r\nSent: Monday\r\n";
    expect(stripQuoted(outlook)).toBe("Toujours en panne");
    const sig = "C'est réparé, merci !\n\n-- \nMarc Delorme\nMairie de Bellerive";
    expect(stripQuoted(sig)).toBe("C'est réparé, merci !");
    expect(stripQuoted("> cité seulement\nRéponse")).toBe("Réponse");
  });
});
