// A person by e-mail address, as an actor: how an incoming e-mail acts in Mutuo on its sender's behalf.
import type { Db } from "@mutuo/db";
import type { Actor } from "../access/index.ts";

/** The active person with this address (case-insensitive), or null. */
export async function actorByEmail(db: Db, email: string): Promise<Actor | null> {
  const user = await db.user.findFirst({
    where: { email: email.trim().toLowerCase(), active: true, anonymisedAt: null },
    select: { id: true, name: true, role: true, memberships: { select: { bodyId: true } } },
  });
  if (!user) return null;
  const bodyIds = user.memberships.map((m) => m.bodyId);
  return {
    userId: user.id,
    name: user.name,
    role: user.role,
    bodyIds,
    activeBodyId: bodyIds.length === 1 ? bodyIds[0]! : null,
  };
}
