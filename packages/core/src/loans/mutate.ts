// Every change to a loan goes through here: row lock on the loan, visibility, the change and the
// asset history in one transaction (like tickets/mutate.ts).
import type { Db, DbTx, Loan } from "@mutuo/db";
import type { Actor } from "../access/index.ts";
import { invalid } from "../errors/index.ts";
import { assertLoanVisible } from "./policy.ts";
import { canDoLoan, type LoanAction, type LoanStatus } from "./rules.ts";

/** Loan transactions may wait on row locks and do several writes: more room than the default 5 s. */
export const TX = { timeout: 30_000, maxWait: 10_000 };

export async function mutateLoan<T>(
  db: Db,
  actor: Actor,
  loanId: string,
  action: LoanAction | null,
  change: (tx: DbTx, loan: Loan) => Promise<T>,
): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Loan" WHERE "id" = ${loanId}::uuid FOR UPDATE`;
    const loan = await tx.loan.findUnique({ where: { id: loanId } });
    assertLoanVisible(actor, loan);
    if (action && !canDoLoan(loan.status as LoanStatus, action))
      throw invalid("status", "loan_wrong_status", { status: loan.status });
    return change(tx, loan);
  }, TX);
}

type AssetChange = {
  status?: "in_stock" | "reserved" | "lent" | "in_repair" | "lost" | "stolen";
  bodyId?: string | null;
  location?: string;
};

/** Changes assets' status and location and writes one history row per asset, in the caller's transaction. */
export async function moveAssets(
  tx: DbTx,
  actor: Actor | null,
  assetIds: string[],
  change: AssetChange,
  event: { kind: string; data: Record<string, unknown> },
  now: Date,
): Promise<void> {
  if (assetIds.length === 0) return;
  await tx.asset.updateMany({ where: { id: { in: assetIds } }, data: change });
  await tx.assetEvent.createMany({
    data: assetIds.map((assetId) => ({
      assetId,
      kind: event.kind,
      data: { ...event.data, ...change } as object,
      actorId: actor?.userId || null,
      createdAt: now,
    })),
  });
}
