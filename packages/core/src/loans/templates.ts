// Test sheet templates, one per kind of asset, edited by staff; defaults until they are.
import type { Db } from "@mutuo/db";
import type { Actor } from "../access/index.ts";
import { invalid } from "../errors/index.ts";
import { DEFAULT_TESTS } from "./content.ts";
import { requireLoanStaff } from "./policy.ts";
import { templateInput } from "./schema.ts";
import type { z } from "zod";

export async function testTemplates(db: Db, actor: Actor) {
  requireLoanStaff(actor);
  const kinds = await db.assetKind.findMany({
    where: { active: true },
    select: { id: true, code: true, label: true, testTemplate: { select: { tests: true } } },
    orderBy: [{ position: "asc" }, { label: "asc" }],
  });
  return kinds.map((k) => ({
    kindId: k.id,
    label: k.label,
    tests: k.testTemplate?.tests ?? DEFAULT_TESTS[k.code] ?? DEFAULT_TESTS.other!,
  }));
}

export async function saveTestTemplate(db: Db, actor: Actor, raw: z.input<typeof templateInput>) {
  requireLoanStaff(actor);
  const input = templateInput.parse(raw);
  if (!(await db.assetKind.findUnique({ where: { id: input.kindId }, select: { id: true } })))
    throw invalid("kindId", "invalid");
  return db.loanTestTemplate.upsert({
    where: { kindId: input.kindId },
    create: { kindId: input.kindId, tests: input.tests },
    update: { tests: input.tests },
  });
}
