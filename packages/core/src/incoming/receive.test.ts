import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@mutuo/db/seed";
import { createTestDatabase, type TestDatabase } from "@mutuo/db/testing";
import { localFileStore, type FileStore } from "../files/index.ts";
import { actorByEmail } from "../identity/index.ts";
import { type Actor } from "../access/index.ts";
import { changeStatus, createTicket } from "../tickets/index.ts";
import { acceptIncoming, getIncoming, listIncoming, rejectIncoming } from "./quarantine.ts";
import { receiveMail } from "./receive.ts";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

/** A MIME message as a mail client sends it. */
function rawMail(m: {
  from: string;
  subject: string;
  text?: string;
  html?: string;
  id: string;
  headers?: Record<string, string>;
  files?: { name: string; type: string; content: Buffer }[];
}): Buffer {
  const head = [
    `From: ${m.from}`,
    "To: support@val-orlene.example",
    `Subject: ${m.subject}`,
    `Message-ID: ${m.id}`,
    "Date: Mon, 23 Nov 2026 09:00:00 +0100",
    "MIME-Version: 1.0",
    ...Object.entries(m.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
  ];
  const parts = [
    ...(m.text !== undefined
      ? [
          `Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(m.text).toString("base64")}`,
        ]
      : []),
    ...(m.html !== undefined
      ? [
          `Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(m.html).toString("base64")}`,
        ]
      : []),
    ...(m.files ?? []).map(
      (f) =>
        `Content-Type: ${f.type}; name="${f.name}"\r\nContent-Disposition: attachment; filename="${f.name}"\r\nContent-Transfer-Encoding: base64\r\n\r\n${f.content.toString("base64")}`,
    ),
  ];
  const body = parts.map((p) => `--b1\r\n${p}\r\n`).join("") + "--b1--\r\n";
  return Buffer.from(`${head.join("\r\n")}\r\nContent-Type: multipart/mixed; boundary="b1"\r\n\r\n${body}`);
}

describe("incoming e-mail", () => {
  let tdb: TestDatabase;
  let files: FileStore;
  let dir: string;
  let tech: Actor;
  const own = ["mutuo@val-orlene.example"];
  const arrivedAt = new Date("2026-11-23T08:00:05Z");
  const now = new Date("2026-11-23T08:00:30Z");
  const receive = (raw: Buffer) =>
    receiveMail(tdb.prisma(), files, raw, { arrivedAt, ownAddresses: own, now });

  beforeAll(async () => {
    tdb = await createTestDatabase();
    await seedDemo(tdb.prisma());
    dir = await mkdtemp(path.join(os.tmpdir(), "mutuo-incoming-"));
    files = localFileStore(dir);
    tech = (await actorByEmail(tdb.prisma(), "TECH@val-orlene.example"))!;
  });
  afterAll(async () => {
    await tdb.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it("opens a ticket for a partner agent's e-mail (channel e-mail, received at arrival, the service it names), once", async () => {
    const db = tdb.prisma();
    const raw = rawMail({
      from: "Marc Delorme <agent@bellerive.example>",
      subject: "Carte blanche dans SIG-M@",
      text: "Bonjour,\nla carte des réseaux reste blanche depuis ce matin.\n\n-- \nMarc",
      id: "<new-1@bellerive.example>",
    });
    const r = await receive(raw);
    expect(r.status).toBe("ticket");
    const t = await db.ticket.findUniqueOrThrow({
      where: { id: r.ticketId! },
      include: { service: true, messages: true },
    });
    expect(t).toMatchObject({
      channel: "email",
      subject: "Carte blanche dans SIG-M@",
      declarantEmail: "agent@bellerive.example",
      declarantName: "Marc Delorme",
      description: "Bonjour,\nla carte des réseaux reste blanche depuis ce matin.",
    });
    expect(t.receivedAt.toISOString()).toBe(arrivedAt.toISOString());
    expect(t.service.code).toBe("SIGMA");
    expect(t.messages.filter((m) => m.kind === "note")).toHaveLength(0); // the service was named, not guessed
    expect(
      await db.outboxMessage.count({
        where: { ticketId: t.id, template: "ticket.received", toEmail: "agent@bellerive.example" },
      }),
    ).toBe(1);
    expect(await receive(raw)).toMatchObject({ status: "duplicate", ticketId: t.id });
    expect(await db.ticket.count({ where: { channel: "email" } })).toBe(1);
  });

  it("adds a reply to the acknowledgement to the ticket: quoted history stripped, accepted files kept, others listed as skipped", async () => {
    const db = tdb.prisma();
    const ticket = await db.ticket.findFirstOrThrow({ where: { channel: "email" } });
    await changeStatus(
      db,
      tech,
      { ticketId: ticket.id, status: "waiting_partner", comment: "Pouvez-vous envoyer une capture ?" },
      now,
    );
    const ack = await db.outboxMessage.findFirstOrThrow({
      where: { ticketId: ticket.id, template: "ticket.received" },
    });
    const r = await receive(
      rawMail({
        from: "agent@bellerive.example",
        subject: `RE: [${ticket.number}] Demande reçue`,
        id: "<reply-1@bellerive.example>",
        headers: { "In-Reply-To": ack.messageId, References: ack.messageId },
        text: "Voici la capture demandée.\n\nLe lun. 23 nov. 2026 à 09:01, Mutuo <mutuo@val-orlene.example> a écrit :\n> Votre demande est enregistrée.",
        files: [
          { name: "capture.pdf", type: "application/octet-stream", content: PDF },
          { name: "outil.exe", type: "application/x-msdownload", content: Buffer.from("MZ\x90\x00") },
        ],
      }),
    );
    expect(r).toMatchObject({ status: "reply", ticketId: ticket.id });
    const msg = await db.ticketMessage.findFirstOrThrow({
      where: { ticketId: ticket.id, kind: "reply", fromStaff: false },
      include: { attachments: { include: { file: true } } },
    });
    expect(msg).toMatchObject({
      body: "Voici la capture demandée.",
      authorLabel: "Marc Delorme",
      fromStaff: false,
      data: { via: "email" },
    });
    expect(msg.attachments.map((a) => [a.file.name, a.file.mimeType])).toEqual([
      ["capture.pdf", "application/pdf"],
    ]);
    expect(await db.incomingMail.findUniqueOrThrow({ where: { id: r.incomingId! } })).toMatchObject({
      skipped: [{ name: "outil.exe", reason: "type" }],
    });
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("in_progress"); // the partner answered: the wait ends
  });

  it("never answers automatic messages, bounces or its own", async () => {
    for (const [i, headers, from] of [
      [1, { "Auto-Submitted": "auto-replied" }, "agent@bellerive.example"],
      [2, { Precedence: "bulk" }, "agent@bellerive.example"],
      [3, {}, "MAILER-DAEMON@mx.example"],
      [4, {}, "Mutuo <mutuo@val-orlene.example>"],
    ] as const) {
      const r = await receive(
        rawMail({
          from,
          subject: "Absent du bureau",
          text: "Je suis absent jusqu'au 30 novembre.",
          id: `<auto-${i}@x.example>`,
          headers,
        }),
      );
      expect(r).toMatchObject({ status: "ignored", reason: "automatic" });
    }
    expect(await tdb.prisma().ticket.count({ where: { channel: "email" } })).toBe(1);
  });

  it("quarantines what nobody can vouch for: a stranger, an agent replying on another body's ticket, an agent of several bodies", async () => {
    const db = tdb.prisma();
    const ticket = await db.ticket.findFirstOrThrow({ where: { channel: "email" } });
    expect(
      await receive(
        rawMail({
          from: "inconnu@example.org",
          subject: "Problème de messagerie",
          text: "Plus de courriels depuis hier.",
          id: "<q-1@example.org>",
        }),
      ),
    ).toMatchObject({ status: "quarantined", reason: "unknown_sender", ticketId: null });
    expect(
      await receive(
        rawMail({
          from: "agent@villeneuve.example",
          subject: `Re: [${ticket.number}] x`,
          text: "Je me permets de répondre.",
          id: "<q-2@villeneuve.example>",
        }),
      ),
    ).toMatchObject({ status: "quarantined", reason: "not_allowed", ticketId: ticket.id });
    expect(
      await receive(
        rawMail({
          from: "agent@saint-aubin.example",
          subject: "Imprimante en panne",
          text: "L'imprimante du 1er étage ne répond plus.",
          id: "<q-3@saint-aubin.example>",
        }),
      ),
    ).toMatchObject({ status: "quarantined", reason: "several_bodies" });
    const page = await listIncoming(db, tech, { view: "quarantined" });
    expect(page.items.map((i) => i.reason)).toEqual(
      expect.arrayContaining(["unknown_sender", "not_allowed", "several_bodies"]),
    );
    const agent = (await actorByEmail(db, "agent@bellerive.example"))!;
    await expect(listIncoming(db, agent, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getIncoming(db, agent, page.items[0]!.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lets a technician accept a stranger's e-mail as a ticket, with its files, exactly once", async () => {
    const db = tdb.prisma();
    const r = await receive(
      rawMail({
        from: "Claire Martin <claire.martin@asso-example.org>",
        subject: "Accès au portail",
        text: "Je n'arrive plus à me connecter au portail des marchés.",
        id: "<q-4@asso-example.org>",
        files: [
          {
            name: "erreur.png",
            type: "image/png",
            content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
          },
        ],
      }),
    );
    expect(r.status).toBe("quarantined");
    const body = await db.body.findFirstOrThrow({ where: { legalName: "Commune de Bellerive-sur-Orlène" } });
    const service = await db.service.findUniqueOrThrow({ where: { code: "MARCHES" } });
    const input = {
      id: r.incomingId!,
      as: "ticket" as const,
      bodyId: body.id,
      serviceId: service.id,
      category: "request" as const,
      impact: "low" as const,
      urgency: "medium" as const,
      declarantName: "Claire Martin",
    };
    const [a, b] = await Promise.allSettled([
      acceptIncoming(db, files, tech, input, now),
      acceptIncoming(db, files, tech, input, now),
    ]);
    const ok = [a, b].filter((x) => x.status === "fulfilled");
    expect(ok).toHaveLength(1);
    expect([a, b].find((x) => x.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
    const ticketId = (ok[0] as PromiseFulfilledResult<{ ticketId: string }>).value.ticketId;
    const t = await db.ticket.findUniqueOrThrow({
      where: { id: ticketId },
      include: { attachments: { include: { file: true } } },
    });
    expect(t).toMatchObject({
      channel: "email",
      declarantEmail: "claire.martin@asso-example.org",
      bodyId: body.id,
    });
    expect(t.receivedAt.toISOString()).toBe(arrivedAt.toISOString());
    expect(t.attachments.map((x) => x.file.name)).toEqual(["erreur.png"]);
    expect(await getIncoming(db, tech, r.incomingId!)).toMatchObject({
      status: "accepted",
      ticketId,
      decidedByName: "Nadia Belkacem",
    });
  });

  it("accepts a stranger's reply into the ticket it answers, in the stranger's name; a rejection deletes the kept files", async () => {
    const db = tdb.prisma();
    const ticket = await db.ticket.findFirstOrThrow({
      where: { channel: "email", declarantEmail: "agent@bellerive.example" },
    });
    const r = await receive(
      rawMail({
        from: "Jean Dupuis <jean.dupuis@example.org>",
        subject: `Re: [${ticket.number}] Demande reçue`,
        text: "Je suis le collègue de Marc : c'est réparé chez nous.",
        id: "<q-5@example.org>",
      }),
    );
    expect(r).toMatchObject({ status: "quarantined", reason: "unknown_sender", ticketId: ticket.id });
    await acceptIncoming(db, files, tech, { id: r.incomingId!, as: "reply" }, now);
    const msg = await db.ticketMessage.findFirstOrThrow({
      where: { ticketId: ticket.id, body: "Je suis le collègue de Marc : c'est réparé chez nous." },
    });
    expect(msg).toMatchObject({
      authorId: null,
      authorLabel: "Jean Dupuis <jean.dupuis@example.org>",
      fromStaff: false,
      kind: "reply",
    });

    const before = (await readdir(dir, { recursive: true })).length;
    const spam = await receive(
      rawMail({
        from: "promo@spam.example",
        subject: "Offre",
        text: "Achetez maintenant !",
        id: "<q-6@spam.example>",
        files: [{ name: "offre.pdf", type: "application/pdf", content: PDF }],
      }),
    );
    expect((await readdir(dir, { recursive: true })).length).toBeGreaterThan(before);
    await rejectIncoming(db, files, tech, { id: spam.incomingId! }, now);
    expect(await db.incomingMail.findUniqueOrThrow({ where: { id: spam.incomingId! } })).toMatchObject({
      status: "rejected",
    });
    expect(await db.incomingAttachment.count({ where: { incomingId: spam.incomingId! } })).toBe(0);
    await expect(rejectIncoming(db, files, tech, { id: spam.incomingId! }, now)).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("takes the reply of a declarant without an account when it answers what was sent to that address, and only then", async () => {
    const db = tdb.prisma();
    const body = await db.body.findFirstOrThrow({ where: { legalName: "Commune de Bellerive-sur-Orlène" } });
    const service = await db.service.findUniqueOrThrow({ where: { code: "SIGMA" } });
    const ticket = await createTicket(
      db,
      files,
      tech,
      {
        bodyId: body.id,
        serviceId: service.id,
        subject: "Plan cadastral illisible",
        description: "Le plan cadastral s'affiche flou à l'accueil.",
        category: "fault",
        impact: "medium",
        urgency: "medium",
        declarantName: "Odile Ferrand",
        declarantEmail: "odile.ferrand@bellerive-asso.example",
        channel: "phone",
        receivedAt: now,
      },
      now,
    );
    await changeStatus(
      db,
      tech,
      { ticketId: ticket.id, status: "resolved", comment: "Le cache du navigateur était en cause." },
      now,
    );
    const ack = await db.outboxMessage.findFirstOrThrow({
      where: {
        ticketId: ticket.id,
        toEmail: "odile.ferrand@bellerive-asso.example",
        template: "ticket.received",
      },
    });
    const reply = (id: string, from: string, headers: Record<string, string>) =>
      receive(
        rawMail({
          from,
          subject: `Re: [${ticket.number}] Demande reçue`,
          text: "C'est de nouveau flou ce matin.",
          id,
          headers,
        }),
      );

    // Only the number (guessable), or our Message-ID from another address: quarantine.
    expect(
      await reply("<d-1@example.org>", "Odile Ferrand <odile.ferrand@bellerive-asso.example>", {}),
    ).toMatchObject({ status: "quarantined", reason: "unknown_sender" });
    expect(
      await reply("<d-2@example.org>", "Paul Roy <paul.roy@example.org>", { "In-Reply-To": ack.messageId }),
    ).toMatchObject({ status: "quarantined", reason: "unknown_sender" });
    // The address it was sent to, answering it: in the conversation, in her name, and the ticket reopens.
    expect(
      await reply("<d-3@example.org>", "Odile Ferrand <Odile.Ferrand@bellerive-asso.example>", {
        "In-Reply-To": ack.messageId,
      }),
    ).toMatchObject({ status: "reply", ticketId: ticket.id });
    const msg = await db.ticketMessage.findFirstOrThrow({
      where: { ticketId: ticket.id, kind: "reply", fromStaff: false },
    });
    expect(msg).toMatchObject({
      authorId: null,
      authorLabel: "Odile Ferrand <odile.ferrand@bellerive-asso.example>",
      body: "C'est de nouveau flou ce matin.",
      data: { via: "email" },
    });
    expect(await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({
      status: "in_progress",
      resolvedAt: null,
    });
    const events = await db.ticketMessage.findMany({ where: { ticketId: ticket.id, kind: "event" } });
    expect(events).toContainEqual(
      expect.objectContaining({
        authorId: null,
        authorLabel: "Odile Ferrand <odile.ferrand@bellerive-asso.example>",
        fromStaff: false,
        data: { status: ["resolved", "in_progress"] },
      }),
    );
  });

  it("finds the body an agent of several bodies writes for, else holds the message and asks them which one", async () => {
    const db = tdb.prisma();
    const bodies = await db.body.findMany({
      where: { legalName: { contains: "Saint-Aubin-des-Vignes" } },
      select: { id: true, legalName: true },
    });
    const ccas = bodies.find((b) => b.legalName.startsWith("CCAS"))!;
    const commune = bodies.find((b) => b.legalName.startsWith("Commune"))!;
    const user = await db.user.create({
      data: {
        email: "double@saint-aubin.example",
        name: "Inès Valadier",
        role: "agent",
        memberships: { create: bodies.map((b) => ({ bodyId: b.id })) },
      },
    });
    const mail = (id: string, subject: string, text: string) =>
      receive(rawMail({ from: "Inès Valadier <double@saint-aubin.example>", subject, text, id }));
    const held = await mail("<w-1@saint-aubin.example>", "Imprimante en panne", "Plus rien ne sort.");
    expect(held).toMatchObject({ status: "quarantined", reason: "several_bodies" });
    const ask = await db.outboxMessage.findFirstOrThrow({ where: { toEmail: "double@saint-aubin.example" } });
    expect(ask).toMatchObject({ template: "incoming.which-body", inReplyTo: "<w-1@saint-aubin.example>" });
    expect((ask.data as { bodies: string[] }).bodies.sort()).toEqual(bodies.map((b) => b.legalName).sort());
    // Named in the text: that body.
    const named = await mail(
      "<w-2@saint-aubin.example>",
      "Imprimante en panne",
      "Au CCAS de Saint-Aubin-des-Vignes, l'imprimante ne répond plus.",
    );
    expect(named.status).toBe("ticket");
    expect((await db.ticket.findUniqueOrThrow({ where: { id: named.ticketId! } })).bodyId).toBe(ccas.id);
    // Nothing named: the body of the ticket they last opened.
    const last = await mail("<w-3@saint-aubin.example>", "Écran noir", "L'écran reste noir au démarrage.");
    expect((await db.ticket.findUniqueOrThrow({ where: { id: last.ticketId! } })).bodyId).toBe(ccas.id);
    // A ticket quoted in the text beats the last one.
    const t = await db.ticket.create({
      data: {
        number: "SOS-2026-700001",
        bodyId: commune.id,
        serviceId: (await db.service.findFirstOrThrow()).id,
        subject: "Ancien",
        description: "Ancien ticket",
        category: "fault",
        impact: "low",
        urgency: "low",
        priority: "low",
        channel: "phone",
        declarantName: "Inès Valadier",
        receivedAt: arrivedAt,
        status: "closed",
      },
    });
    const quoted = await mail(
      "<w-4@saint-aubin.example>",
      "Le problème revient",
      `Le problème du ticket ${t.number} est revenu ce matin.`,
    );
    expect((await db.ticket.findUniqueOrThrow({ where: { id: quoted.ticketId! } })).bodyId).toBe(commune.id);
    // The quarantine offers the sender's bodies first.
    const detail = await getIncoming(db, tech, held.incomingId!);
    expect(detail.senderBodyIds.sort()).toEqual(bodies.map((b) => b.id).sort());
    await db.user.update({ where: { id: user.id }, data: { active: false } });
  });

  it("does not take an answer to a new-ticket alert from a team address as the declarant's", async () => {
    const db = tdb.prisma();
    const ticket = await db.ticket.findFirstOrThrow({ where: { channel: "email" } });
    await db.outboxMessage.create({
      data: {
        dedupKey: "alert-team-1",
        template: "ticket.new",
        data: {},
        toEmail: "astreinte@val-orlene.example",
        messageId: "<alert-team-1@val-orlene.example>",
        ticketId: ticket.id,
      },
    });
    expect(
      await receive(
        rawMail({
          from: "astreinte@val-orlene.example",
          subject: `Re: [${ticket.number}] Nouveau ticket`,
          text: "Je prends.",
          id: "<team-answer-1@val-orlene.example>",
          headers: { "In-Reply-To": "<alert-team-1@val-orlene.example>" },
        }),
      ),
    ).toMatchObject({ status: "quarantined", reason: "unknown_sender", ticketId: ticket.id });
  });

  it("holds a message whose sender our receiving server found forged, and ignores other servers' verdicts", async () => {
    const db = tdb.prisma();
    const mx = "mx.val-orlene.example";
    const opts = { arrivedAt, ownAddresses: own, now, trustedAuthservId: mx };
    const from = "Marc Delorme <agent@bellerive.example>";
    const forged = await receiveMail(
      db,
      files,
      rawMail({
        from,
        subject: "Virement urgent",
        text: "Merci de changer le RIB du fournisseur.",
        id: "<s-1@evil.example>",
        headers: {
          "Authentication-Results": `${mx}; spf=fail smtp.mailfrom=evil.example; dkim=none; dmarc=fail header.from=bellerive.example`,
        },
      }),
      opts,
    );
    expect(forged).toMatchObject({ status: "quarantined", reason: "spoofed_dmarc" });
    expect((await getIncoming(db, tech, forged.incomingId!)).headers).toMatchObject({
      "authentication-results": expect.stringContaining("dmarc=fail"),
    });
    // A header written by another server (or by the sender) proves nothing either way.
    const other = await receiveMail(
      db,
      files,
      rawMail({
        from,
        subject: "Lecteur de badges",
        text: "Le lecteur de badges ne répond plus dans SIG-M@.",
        id: "<s-2@bellerive.example>",
        headers: { "Authentication-Results": "evil.example; dmarc=fail" },
      }),
      opts,
    );
    expect(other.status).toBe("ticket");
    const strict = await receiveMail(
      db,
      files,
      rawMail({
        from,
        subject: "Lecteur de badges, suite",
        text: "Le lecteur de badges ne répond toujours pas.",
        id: "<s-3@bellerive.example>",
      }),
      { ...opts, unauthenticated: "quarantine" },
    );
    expect(strict).toMatchObject({ status: "quarantined", reason: "unauthenticated" });
    const vouched = await receiveMail(
      db,
      files,
      rawMail({
        from,
        subject: "Lecteur de badges, encore",
        text: "Le lecteur de badges de l'accueil ne répond plus.",
        id: "<s-4@bellerive.example>",
        headers: { "Authentication-Results": `${mx}; spf=pass; dkim=pass; dmarc=pass` },
      }),
      { ...opts, unauthenticated: "quarantine" },
    );
    expect(vouched.status).toBe("ticket");
  });

  it("keeps HTML only once cleaned (no script, no remote image, no handler) and reads its text", async () => {
    const db = tdb.prisma();
    const r = await receive(
      rawMail({
        from: "inconnu@example.org",
        subject: "HTML",
        id: "<h-1@example.org>",
        html: `<p onclick="x()">Bonjour <b>équipe</b></p><script>alert(1)</script><img src="https://tracker.example/p.gif"><a href="javascript:alert(1)">lien</a><a href="https://ok.example">ok</a>`,
      }),
    );
    const mail = await db.incomingMail.findUniqueOrThrow({ where: { id: r.incomingId! } });
    expect(mail.html).toBe(
      '<p>Bonjour <b>équipe</b></p><a rel="noopener noreferrer nofollow" target="_blank">lien</a><a href="https://ok.example" rel="noopener noreferrer nofollow" target="_blank">ok</a>',
    );
    expect(mail.text).toContain("Bonjour équipe");
  });
});
