import { SMTPServer } from "smtp-server";
import { describe, expect, it } from "vitest";
import { createMailSender, describeSendError, isPermanentFailure, smtpOptions } from "./index.ts";

describe("SMTP transport", () => {
  it("reads SMTP_URL: pooled unless it says otherwise, credentials percent-decoded, TLS options", () => {
    expect(smtpOptions("smtp://mutuo:p%40ss%2Fw%3Fd%23@relay.example:587")).toEqual({
      host: "relay.example",
      port: 587,
      secure: false,
      pool: true,
      auth: { user: "mutuo", pass: "p@ss/w?d#" },
    });
    expect(smtpOptions("smtps://relay.example?pool=false&tls.rejectUnauthorized=false")).toEqual({
      host: "relay.example",
      secure: true,
      pool: false,
      tls: { rejectUnauthorized: false },
    });
    expect(
      smtpOptions("smtp://mutuo@relay.example:25/?tls.servername=mx.example&x.y=1", {
        password: "a/b?c#d",
        ca: "PEM",
      }),
    ).toEqual({
      host: "relay.example",
      port: 25,
      secure: false,
      pool: true,
      auth: { user: "mutuo", pass: "a/b?c#d" },
      tls: { servername: "mx.example", ca: "PEM" },
    });
  });

  it("says why a relay with a self-signed certificate is refused, and sends once told to accept it", async () => {
    // smtp-server presents its own self-signed certificate, as Debian's postfix does out of the box.
    const server = new SMTPServer({
      secure: true,
      authOptional: true,
      logger: false,
      disableReverseLookup: true,
      onData(stream, _session, done) {
        stream.on("data", () => undefined);
        stream.on("end", () => done());
      },
    });
    server.on("error", () => undefined); // the refused handshake, seen from the server
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const port = (server.server.address() as { port: number }).port;
    const send = async (url: string) => {
      const mail = createMailSender({ smtpUrl: url, from: "mutuo@val-orlene.example" });
      try {
        return await mail.send({ to: "agent@bellerive.example", subject: "Essai", text: "Bonjour" }).then(
          () => null,
          (e: unknown) => e,
        );
      } finally {
        mail.close();
      }
    };
    try {
      const refused = await send(`smtps://127.0.0.1:${port}`);
      expect(refused).not.toBeNull();
      expect(describeSendError(refused)).toMatch(/certificate|CERT/i);
      expect(describeSendError(refused)).toContain("SMTP_TLS_CA_FILE");
      expect(await send(`smtps://127.0.0.1:${port}?tls.rejectUnauthorized=false`)).toBeNull();
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

describe("SMTP failures", () => {
  it("tells a recipient refused for good (5xx) from a passing refusal (4xx) and from an unreachable relay", async () => {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["AUTH", "STARTTLS"],
      logger: false,
      disableReverseLookup: true,
      onRcptTo(address, _session, done) {
        if (address.address.startsWith("unknown"))
          return done(Object.assign(new Error("5.1.1 No such user"), { responseCode: 550 }));
        if (address.address.startsWith("busy"))
          return done(Object.assign(new Error("4.2.1 Try again later"), { responseCode: 451 }));
        done();
      },
      onData(stream, _session, done) {
        stream.on("data", () => undefined);
        stream.on("end", () => done());
      },
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const port = (server.server.address() as { port: number }).port;
    const mail = createMailSender({ smtpUrl: `smtp://127.0.0.1:${port}`, from: "mutuo@val-orlene.example" });
    const failure = (to: string) =>
      mail.send({ to, subject: "Essai", text: "Bonjour" }).then(
        () => null,
        (e: unknown) => e,
      );
    try {
      expect(await failure("agent@bellerive.example")).toBeNull();
      expect(isPermanentFailure(await failure("unknown@bellerive.example"))).toBe(true);
      expect(isPermanentFailure(await failure("busy@bellerive.example"))).toBe(false);
    } finally {
      mail.close();
      await new Promise<void>((r) => server.close(() => r()));
    }
    const down = createMailSender({ smtpUrl: "smtp://127.0.0.1:1", from: "mutuo@val-orlene.example" });
    const refused = await down
      .send({ to: "agent@bellerive.example", subject: "Essai", text: "Bonjour" })
      .then(
        () => null,
        (e: unknown) => e,
      );
    down.close();
    expect(refused).not.toBeNull();
    expect(isPermanentFailure(refused)).toBe(false);
  });
});
