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
const agentOnly: NavItem[] = [item("myTickets", "/demandes", true)];
const agent: NavItem[] = [item("loans", "/prets"), item("trainings", "/formations")];
const technician: NavItem[] = [
  item("queue", "/tickets", true),
  item("incoming", "/courriels-entrants", true),
  item("assets", "/parc"),
  item("migrations", "/reprises"),
];
const manager: NavItem[] = [
  item("reports", "/rapports"),
  item("calendars", "/calendriers", true),
  item("billing", "/facturation"),
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
