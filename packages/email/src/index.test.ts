import { SMTPServer } from "smtp-server";
import { describe, expect, it } from "vitest";
import { createMailSender, isPermanentFailure, pooled } from "./index.ts";

describe("SMTP transport", () => {
  it("pools connections unless the URL chooses, and keeps the credentials as written", () => {
    expect(pooled("smtp://mutuo:p%40ss@relay.example:587")).toBe(
      "smtp://mutuo:p%40ss@relay.example:587?pool=true",
    );
    expect(pooled("smtps://relay.example?pool=false")).toBe("smtps://relay.example?pool=false");
    expect(pooled("smtp://relay.example:25/?secure=false")).toBe(
      "smtp://relay.example:25/?secure=false&pool=true",
    );
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
