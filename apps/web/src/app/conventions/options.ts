import type { api } from "../../server/api.ts";

/** Partner bodies and communes for the convention form's choices. */
export async function bodyChoices(caller: Awaited<ReturnType<typeof api>>) {
  const bodies: { id: string; legalName: string; kind: string }[] = [];
  let cursor: string | undefined;
  do {
    const page = await caller.bodies.list({ limit: 100, cursor });
    bodies.push(...page.items.filter((b) => b.kind !== "provider"));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { bodies, communes: bodies.filter((b) => b.kind === "commune") };
}
