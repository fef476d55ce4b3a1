// The sections of the app each role uses. Items whose page does not exist yet are declared
// (so the navigation is designed once) but marked unavailable and not rendered.
import type { Role } from "@mutuo/db";

export interface NavItem {
  key: string;
  href: string;
  available: boolean;
}

const item = (key: string, href: string, available = false): NavItem => ({ key, href, available });

const signedOut: NavItem[] = [
  item("home", "/", true),
  item("catalogue", "/catalogue", true),
  item("status", "/etat", true),
  item("signIn", "/connexion", true),
];
const everyone: NavItem[] = [
  item("home", "/", true),
  item("bodies", "/organismes", true),
  item("catalogue", "/catalogue", true),
  item("conventions", "/conventions", true),
];
const agentOnly: NavItem[] = [
  item("myTickets", "/demandes", true),
  item("myEquipment", "/equipements", true),
  item("migrations", "/reprises", true),
  item("reports", "/rapports", true),
];
const agent: NavItem[] = [item("loans", "/prets", true), item("trainings", "/formations", true)];
const technician: NavItem[] = [
  item("queue", "/tickets", true),
  item("incoming", "/courriels-entrants", true),
  item("assets", "/equipements", true),
  item("migrations", "/reprises", true),
];
const manager: NavItem[] = [
  item("reports", "/rapports", true),
  item("calendars", "/calendriers", true),
  item("billing", "/facturation", true),
];
const admin: NavItem[] = [
  item("people", "/admin/personnes", true),
  item("mailbox", "/admin/courriels", true),
  item("journal", "/admin/journal", true),
  item("retention", "/admin/conservation", true),
];
const tail: NavItem[] = [item("account", "/compte", true), item("status", "/etat", true)];

const byRole: Record<Role, NavItem[]> = {
  agent: [...everyone, ...agentOnly, ...agent, ...tail],
  technician: [...everyone, ...agent, ...technician, ...tail],
  manager: [...everyone, ...agent, ...technician, ...manager, ...tail],
  admin: [...everyone, ...agent, ...technician, ...manager, ...admin, ...tail],
};

/** Navigation for a role (null: not signed in), available items only. */
export function navigationFor(role: Role | null): NavItem[] {
  return (role ? byRole[role] : signedOut).filter((i) => i.available);
}

/** Every item a role will have once all sections exist (for planning and tests). */
export function plannedNavigationFor(role: Role): NavItem[] {
  return byRole[role];
}

export type NavGroupKey = "support" | "reference" | "admin";

// Staff see their many sections in three groups; agents and visitors keep a flat list.
const groupOf: Record<string, NavGroupKey> = {
  queue: "support",
  incoming: "support",
  loans: "support",
  trainings: "support",
  assets: "support",
  migrations: "support",
  bodies: "reference",
  catalogue: "reference",
  conventions: "reference",
  calendars: "reference",
  reports: "admin",
  billing: "admin",
  people: "admin",
  mailbox: "admin",
  journal: "admin",
  retention: "admin",
};

export interface NavGroup {
  /** null: items shown directly in the bar. */
  key: NavGroupKey | null;
  items: NavItem[];
}

/** The navigation of a role in display order: loose items and groups (staff only), none empty. */
export function groupedNavigationFor(role: Role | null): NavGroup[] {
  const items = navigationFor(role);
  if (role === null || role === "agent") return [{ key: null, items }];
  const head = items.filter((i) => !groupOf[i.key] && i.key === "home");
  const tailItems = items.filter((i) => !groupOf[i.key] && i.key !== "home");
  const groups = (["support", "reference", "admin"] as const)
    .map((key) => ({ key, items: items.filter((i) => groupOf[i.key] === key) }))
    .filter((g) => g.items.length > 0);
  return [{ key: null, items: head }, ...groups, { key: null, items: tailItems }].filter(
    (g) => g.items.length > 0,
  );
}
