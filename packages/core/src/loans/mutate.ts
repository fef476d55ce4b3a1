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
