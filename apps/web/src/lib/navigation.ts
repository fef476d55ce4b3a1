// The sections of the app each role uses. Items whose page does not exist yet are declared
// (so the navigation is designed once) but marked unavailable and not rendered.
import type { Role } from "@mutuo/db";

export interface NavItem {
  key: string;
  href: string;
  available: boolean;
}

const everyone: NavItem[] = [
  { key: "home", href: "/", available: true },
  { key: "bodies", href: "/organismes", available: true },
  { key: "catalogue", href: "/catalogue", available: true },
];
const agent: NavItem[] = [
  { key: "myTickets", href: "/demandes", available: false },
  { key: "loans", href: "/prets", available: false },
  { key: "trainings", href: "/formations", available: false },
];
const technician: NavItem[] = [
  { key: "queue", href: "/tickets", available: false },
  { key: "assets", href: "/parc", available: false },
  { key: "migrations", href: "/reprises", available: false },
];
const manager: NavItem[] = [
  { key: "reports", href: "/rapports", available: false },
  { key: "conventions", href: "/conventions", available: false },
  { key: "billing", href: "/facturation", available: false },
];
const admin: NavItem[] = [{ key: "admin", href: "/admin", available: false }];
const status: NavItem = { key: "status", href: "/etat", available: true };

const byRole: Record<Role, NavItem[]> = {
  agent: [...everyone, ...agent],
  technician: [...everyone, ...agent, ...technician],
  manager: [...everyone, ...agent, ...technician, ...manager],
  admin: [...everyone, ...agent, ...technician, ...manager, ...admin],
};

/** Navigation for a role (null: not signed in), available items only, health last. */
export function navigationFor(role: Role | null): NavItem[] {
  const items = role ? byRole[role] : everyone;
  return [...items, status].filter((i) => i.available);
}

/** Every item a role will have once all sections exist (for planning and tests). */
export function plannedNavigationFor(role: Role): NavItem[] {
  return [...byRole[role], status];
}
