// Pure rules of loans: which status may follow which, whether a period is acceptable, whether a
// declaration came in time, and what differs between the signed inventory and what came back.
// No database here: the service does the I/O, these functions decide.

export type LoanStatus =
  | "draft"
  | "inventory_signed"
  | "in_service"
  | "return_in_progress"
  | "returned"
  | "lost"
  | "stolen"
  | "cancelled";

export type LoanAction =
  | "editInventory"
  | "signInventory"
  | "startService"
  | "startReturn"
  | "editReturn"
  | "signReturn"
  | "declareLoss"
  | "cancel";

const allowed: Record<LoanAction, LoanStatus[]> = {
  editInventory: ["draft", "inventory_signed"],
  signInventory: ["draft"],
  startService: ["inventory_signed"],
  startReturn: ["inventory_signed", "in_service"],
  editReturn: ["return_in_progress"],
  signReturn: ["return_in_progress"],
  declareLoss: ["inventory_signed", "in_service", "return_in_progress"],
  cancel: ["draft", "inventory_signed"],
};

export const canDoLoan = (status: LoanStatus, action: LoanAction) => allowed[action].includes(status);

/** Loans still holding their assets (their bookings are active). */
export const OPEN_STATUSES: LoanStatus[] = ["draft", "inventory_signed", "in_service", "return_in_progress"];

export type PeriodProblem = { field: "endDate" | "startDate" | "conventionId"; message: string };

/**
 * A loan's planned period: the end not before the start, and both within the days the convention
 * is in force for the borrower (`conventionLastDay` null: open-ended).
 */
export function checkLoanPeriod(
  p: { startDate: string; endDate: string },
  convention: { inForceOnStart: boolean; lastDay: string | null } | null,
): PeriodProblem | null {
  if (p.endDate < p.startDate) return { field: "endDate", message: "loan_end_before_start" };
  if (!convention || !convention.inForceOnStart)
    return { field: "conventionId", message: "loan_convention_not_in_force" };
  if (convention.lastDay && p.endDate > convention.lastDay)
    return { field: "endDate", message: "loan_after_convention_end" };
  return null;
}

/** The contract's limit to declare a loss or theft, from its discovery. */
export const DECLARATION_LIMIT_HOURS = 24;

export function declarationDelay(discoveredAt: Date, declaredAt: Date) {
  const hours = (declaredAt.getTime() - discoveredAt.getTime()) / 3600_000;
  return { hours: Math.max(0, Math.round(hours * 10) / 10), late: hours > DECLARATION_LIMIT_HOURS };
}

// ── Documents ──

export type Condition = "new" | "good" | "worn" | "damaged";
export type TestResult = "ok" | "ko" | "";

export interface InventoryLine {
  assetId: string;
  tag: string;
  serial: string;
  label: string;
  holdsData: boolean;
  condition: Condition;
  accessories: string;
  remark: string;
}
export interface AccessoryLine {
  label: string;
  quantity: number;
  remark: string;
}
export interface TestLine {
  tag: string;
  test: string;
  result: TestResult;
  remark: string;
}
export interface InventoryContent {
  items: InventoryLine[];
  accessories: AccessoryLine[];
  tests: TestLine[];
}

export type Outcome = "same" | "damaged" | "missing";
export interface ReturnLine {
  assetId: string;
  tag: string;
  serial: string;
  label: string;
  holdsData: boolean;
  conditionAtStart: Condition;
  outcome: Outcome;
  remark: string;
  wipe: { method: string; by: string; at: string } | null;
}
export interface ReturnAccessoryLine {
  label: string;
  expected: number;
  returned: number;
  remark: string;
}
export interface ReturnContent {
  inventoryVersion: number;
  items: ReturnLine[];
  accessories: ReturnAccessoryLine[];
}

/** The return report prefilled from the signed inventory: everything back in the same condition. */
export function returnFromInventory(inv: InventoryContent, version: number): ReturnContent {
  return {
    inventoryVersion: version,
    items: inv.items.map((i) => ({
      assetId: i.assetId,
      tag: i.tag,
      serial: i.serial,
      label: i.label,
      holdsData: i.holdsData,
      conditionAtStart: i.condition,
      outcome: "same",
      remark: "",
      wipe: null,
    })),
    accessories: inv.accessories.map((a) => ({
      label: a.label,
      expected: a.quantity,
      returned: a.quantity,
      remark: "",
    })),
  };
}

export type Difference =
  | { kind: "item"; tag: string; label: string; outcome: Exclude<Outcome, "same">; remark: string }
  | { kind: "accessory"; label: string; missing: number; extra: number; remark: string };

/** What came back differently from the signed inventory (damaged or missing items, missing accessories). */
export function returnDifferences(r: ReturnContent): Difference[] {
  const out: Difference[] = [];
  for (const i of r.items)
    if (i.outcome !== "same")
      out.push({ kind: "item", tag: i.tag, label: i.label, outcome: i.outcome, remark: i.remark });
  for (const a of r.accessories)
    if (a.returned !== a.expected)
      out.push({
        kind: "accessory",
        label: a.label,
        missing: Math.max(0, a.expected - a.returned),
        extra: Math.max(0, a.returned - a.expected),
        remark: a.remark,
      });
  return out;
}

/** Items that hold data and came back, but whose wipe is not recorded yet (they cannot go back to stock). */
export function wipesMissing(r: ReturnContent): string[] {
  return r.items
    .filter((i) => i.holdsData && i.outcome !== "missing" && !(i.wipe?.method && i.wipe.by && i.wipe.at))
    .map((i) => i.tag);
}

/** Where each asset goes once the return is validated. */
export function statusAfterReturn(outcome: Outcome): "in_stock" | "in_repair" | "lost" {
  return outcome === "same" ? "in_stock" : outcome === "damaged" ? "in_repair" : "lost";
}

/** Order of validation: the technician (provider) first, then the borrower's agent. */
export function nextParty(signed: ("provider" | "borrower")[]): "provider" | "borrower" | null {
  if (!signed.includes("provider")) return "provider";
  if (!signed.includes("borrower")) return "borrower";
  return null;
}

// ── Alerts ──

export const ENDING_ALERT_DAYS = [30, 7] as const;

/** The milestone to announce for a loan ending in `days` days (30 or 7), or null. */
export function endingMilestone(days: number): 30 | 7 | null {
  if (days < 0) return null;
  if (days <= 7) return 7;
  if (days <= 30) return 30;
  return null;
}

/** An inventory waiting for the borrower's validation for more than 3 days. */
export const AWAITING_PARTNER_DAYS = 3;

/** Days between two local dates "YYYY-MM-DD". */
export function daysFromTo(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The day after a local date (a booking's period is [start, end + 1)). */
export const dayAfter = (d: string) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
