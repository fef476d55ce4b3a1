import { describe, expect, it } from "vitest";
import { credentialsProblem, loadEnv } from "./env.ts";

const base = { DATABASE_URL: "postgresql://mutuo@localhost/mutuo" };

describe("worker configuration", () => {
  it("refuses a mail server URL whose password holds / ? or #, saying how to fix it", () => {
    for (const url of [
      "smtp://mutuo:pa/ss@relay.example:587",
      "smtp://mutuo:pa?ss@relay.example:587",
      "smtp://mutuo:pa#ss@relay.example:587",
    ])
      expect(() => loadEnv({ ...base, SMTP_URL: url })).toThrow(/encodez-les en pourcentage.*SMTP_PASSWORD/i);
    expect(credentialsProblem("IMAP_URL", "imaps://support:a/b@mail.example/INBOX")).toMatch(
      /IMAP_URL.*%2F.*IMAP_PASSWORD/,
    );
    expect(credentialsProblem("SMTP_URL", "smtp://mutuo:pa%2Fss@relay.example:587")).toBeNull();
    expect(credentialsProblem("SMTP_URL", "smtp://relay.example:25?tls.rejectUnauthorized=false")).toBeNull();
  });

  it("takes the passwords apart, the processed folder, the sender checks and the Message-ID domain", () => {
    const env = loadEnv({
      ...base,
      SMTP_URL: "smtp://mutuo@relay.example:587",
      SMTP_PASSWORD: "a/b?c#d",
      IMAP_URL: "imaps://support@mail.example:993/INBOX",
      IMAP_PASSWORD: "e/f",
      MAIL_FROM: "Support DSI <support@Val-Orlene.example>",
      MAIL_TRUSTED_AUTHSERV_ID: "mx.val-orlene.example",
    });
    expect(env).toMatchObject({
      SMTP_PASSWORD: "a/b?c#d",
      IMAP_PASSWORD: "e/f",
      IMAP_PROCESSED_FOLDER: "Traités",
      MAIL_UNAUTHENTICATED: "accept",
      mailDomain: "val-orlene.example",
    });
    expect(() => loadEnv({ ...base, MAIL_UNAUTHENTICATED: "drop" })).toThrow(/MAIL_UNAUTHENTICATED/);
  });
});
