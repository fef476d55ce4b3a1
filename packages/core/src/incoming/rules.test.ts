import { describe, expect, it } from "vitest";
import {
  bodyNamedIn,
  checkSender,
  isAutomatic,
  parseAuthenticationResults,
  referencedIds,
  stripQuoted,
  ticketNumberIn,
} from "./rules.ts";

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

describe("sender authentication (Authentication-Results, RFC 8601)", () => {
  const mx = "mx.val-orlene.example";
  it("trusts only the configured authserv-id, whatever the case or a version number", () => {
    expect(parseAuthenticationResults("MX.Val-Orlene.example 1; spf=pass smtp.mailfrom=a@b", mx)).toEqual(
      new Map([["spf", ["pass"]]]),
    );
    expect(parseAuthenticationResults("evil.example; dmarc=pass header.from=bellerive.example", mx)).toBe(
      null,
    );
    // A forged header of another server saying "pass" does not save a failing message.
    expect(
      checkSender(
        [
          "evil.example; dmarc=pass header.from=bellerive.example",
          `${mx}; dmarc=fail (p=reject) header.from=bellerive.example`,
        ],
        mx,
      ),
    ).toEqual({ verdict: "fail", reason: "spoofed_dmarc" });
  });

  it("lets DMARC decide when it was evaluated", () => {
    expect(checkSender([`${mx}; spf=fail; dkim=fail; dmarc=pass`], mx)).toEqual({ verdict: "pass" });
    expect(checkSender([`${mx}; spf=pass; dkim=pass; dmarc=fail`], mx)).toMatchObject({ verdict: "fail" });
  });

  it("without DMARC, refuses a sender that neither SPF nor DKIM vouches for", () => {
    const of = (v: string) => checkSender([`${mx}; ${v}`], mx).verdict;
    expect(of("spf=fail smtp.mailfrom=x@bellerive.example; dkim=none")).toBe("fail");
    expect(of("spf=softfail; dkim=fail (bad signature) header.d=bellerive.example")).toBe("fail");
    expect(of("spf=none; dkim=fail")).toBe("fail");
    expect(of("spf=fail; dkim=pass header.d=bellerive.example")).toBe("pass");
    expect(of("spf=pass; dkim=fail")).toBe("pass");
    expect(of("spf=neutral; dkim=none")).toBe("pass"); // nothing says it is forged
    expect(checkSender([`${mx}; spf=fail; dkim=none; dmarc=none`], mx)).toEqual({
      verdict: "fail",
      reason: "spoofed_spf_dkim",
    });
  });

  it("reports the header as absent when the trusted server wrote none or checked nothing", () => {
    expect(checkSender([], mx)).toEqual({ verdict: "absent" });
    expect(checkSender(["other.example; spf=pass"], mx)).toEqual({ verdict: "absent" });
    expect(checkSender([`${mx}; none`], mx)).toEqual({ verdict: "absent" });
    expect(checkSender([`${mx} (a comment; with a semicolon?) ; none`], mx)).toEqual({ verdict: "absent" });
  });
});

describe("the body an agent of several bodies writes for", () => {
  const bodies = [
    { id: "c", legalName: "Commune de Saint-Aubin-des-Vignes", kind: "commune" },
    { id: "s", legalName: "CCAS de Saint-Aubin-des-Vignes", kind: "ccas" },
  ];
  it("is the body named in full, whatever the accents, case and punctuation", () => {
    expect(bodyNamedIn("Objet : imprimante\nccas de saint aubin des vignes", bodies)).toBe("s");
    expect(bodyNamedIn("Pour la COMMUNE DE SAINT-AUBIN-DES-VIGNES, merci", bodies)).toBe("c");
  });
  it("else the only one of a kind the message names, else nobody", () => {
    expect(bodyNamedIn("Le poste de l'accueil du CCAS ne démarre plus", bodies)).toBe("s");
    expect(bodyNamedIn("À la mairie, le poste ne démarre plus", bodies)).toBe("c");
    expect(bodyNamedIn("Le poste ne démarre plus à Saint-Aubin-des-Vignes", bodies)).toBe(null);
    expect(bodyNamedIn("Le CCAS et la mairie n'ont plus de réseau", bodies)).toBe(null);
  });
});
