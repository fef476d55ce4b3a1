import type { Db } from "@mutuo/db";
import { z } from "zod";

export const listServicesInput = z.object({ activeOnly: z.boolean().default(true) });

export async function listServices(db: Db, raw: z.input<typeof listServicesInput> = {}) {
  const input = listServicesInput.parse(raw);
  return db.service.findMany({
    where: input.activeOnly ? { active: true } : {},
    select: { id: true, code: true, name: true, description: true, active: true, lendsEquipment: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}

export async function countActiveServices(db: Db): Promise<number> {
  return db.service.count({ where: { active: true } });
}
