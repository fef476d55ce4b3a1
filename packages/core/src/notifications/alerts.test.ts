// A new ticket alerts the DSI: per service, a team address and the technicians on duty (who may turn
// the alerts off, except for critical tickets); a critical ticket of a service with nobody named alerts
// every technician.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@mutuo/db/seed";
import { createTestDatabase, type TestDatabase } from "@mutuo/db/testing";
import { actorByEmail } from "../identity/index.ts";
import { getService, getServiceAlerts, updateService } from "../catalogue/index.ts";
import { createTicket } from "../tickets/index.ts";
import type { FileStore } from "../files/index.ts";
import { setPreferences } from "./preferences.ts";

const noFiles = {} as FileStore;

describe("new ticket alerts", () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase();
    await seedDemo(tdb.prisma());
  });
  afterAll(async () => tdb.drop());

  it("alert the service's team address and technicians on duty, critical ones whatever their preferences", async () => {
    const db = tdb.prisma();
    const manager = (await actorByEmail(db, "manager@val-orlene.example"))!;
    const tech = (await actorByEmail(db, "tech@val-orlene.example"))!;
    const agent = (await actorByEmail(db, "agent@bellerive.example"))!;
    const sigma = await db.service.findUniqueOrThrow({ where: { code: "SIGMA" } });
    const s = await getService(db, sigma.id);
    await updateService(db, manager, sigma.id, {
      code: s.code,
      name: s.name,
      description: s.description,
      active: s.active,
      lendsEquipment: s.lendsEquipment,
      alertEmail: "Astreinte-SIG@val-orlene.example",
      alertUserIds: [tech.userId],
    });
    expect(await getServiceAlerts(db, manager, sigma.id)).toMatchObject({
      alertEmail: "astreinte-sig@val-orlene.example",
      alertUserIds: [tech.userId],
    });
    expect("alertEmail" in (await getService(db, sigma.id))).toBe(false); // the catalogue is public
    await expect(getServiceAlerts(db, agent, sigma.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      updateService(db, manager, sigma.id, { code: s.code, name: s.name, alertUserIds: [agent.userId] }),
    ).rejects.toMatchObject({ field: "alertUserIds" });

    const open = (subject: string, level: "high" | "low") =>
      createTicket(db, noFiles, agent, {
        bodyId: agent.bodyIds[0]!,
        serviceId: sigma.id,
        subject,
        description: "La carte ne s'affiche plus depuis ce matin.",
        category: "fault",
        impact: level,
        urgency: level,
        declarantName: agent.name,
        declarantEmail: "agent@bellerive.example",
      });
    const alertsOf = async (ticketId: string) =>
      (await db.outboxMessage.findMany({ where: { ticketId, template: "ticket.new" } }))
        .map((m) => m.toEmail)
        .sort();
    const low = await open("Couche cadastre absente", "low");
    expect(await alertsOf(low.id)).toEqual(["astreinte-sig@val-orlene.example", "tech@val-orlene.example"]);

    await setPreferences(db, tech, { locale: "fr", categories: { new_tickets: false } });
    const low2 = await open("Couche PLU absente", "low");
    expect(await alertsOf(low2.id)).toEqual(["astreinte-sig@val-orlene.example"]);
    const critical = await open("SIG-M@ inaccessible", "high");
    expect(await alertsOf(critical.id)).toEqual([
      "astreinte-sig@val-orlene.example",
      "tech@val-orlene.example",
    ]);
    const mail = await db.outboxMessage.findFirstOrThrow({
      where: { ticketId: critical.id, template: "ticket.new", toEmail: "tech@val-orlene.example" },
    });
    expect(mail.data).toMatchObject({ priority: "critical", service_name: sigma.name });

    // A service with nobody named: a critical ticket alerts every technician, a low one nobody.
    const technicians = (
      await db.user.findMany({ where: { role: "technician", active: true }, select: { email: true } })
    )
      .map((u) => u.email)
      .sort();
    await db.service.update({ where: { id: sigma.id }, data: { alertEmail: null } });
    await db.serviceAlertRecipient.deleteMany({ where: { serviceId: sigma.id } });
    const critical2 = await open("SIG-M@ toujours inaccessible", "high");
    expect(await alertsOf(critical2.id)).toEqual(technicians);
    const low3 = await open("Légende mal placée", "low");
    expect(await alertsOf(low3.id)).toEqual([]);
  });
});
