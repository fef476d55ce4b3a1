// Choices shared by the invitation and the edit forms of people.
import type { Role } from "@mutuo/db";

export const ROLES = ["agent", "technician", "manager", "admin"] as const satisfies readonly Role[];

/** The role posted by a form (the API checks it). */
export const roleOf = (fd: FormData) => String(fd.get("role") ?? "agent") as Role;

export const roleOptions = (t: (key: `roles.${Role}`) => string) =>
  ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));

/** The bodies an agent may belong to (not the provider). */
export const partnerBodyOptions = (bodies: { id: string; legalName: string; kind: string }[]) =>
  bodies.filter((b) => b.kind !== "provider").map((b) => ({ value: b.id, label: b.legalName }));
