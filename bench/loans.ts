// Assets and loans for the benchmark of the reservation check, generated inside PostgreSQL:
// `assets` switches (tags « BNL- »), two loans each (one returned, its booking released; one in
// service, its booking active), their items and bookings.
import type pg from "pg";

export async function seedLoanBench(client: pg.Client, assets: number, log: (m: string) => void) {
  const have = Number(
    (await client.query(`SELECT count(*) FROM "Asset" WHERE "tag" LIKE 'BNL-%'`)).rows[0].count,
  );
  if (have >= assets) return;
  log(`  ${assets.toLocaleString("fr-FR")} équipements et ${(2 * assets).toLocaleString("fr-FR")} prêts…`);
  await client.query("BEGIN");
  await client.query(`
    INSERT INTO "Asset" ("id", "tag", "serialNumber", "kindId", "model", "status", "updatedAt")
    SELECT gen_random_uuid(), 'BNL-' || lpad(i::text, 7, '0'), 'SNB-' || i, (SELECT "id" FROM "AssetKind" WHERE "code" = 'switch'),
           'GS724T', 'lent', now()
    FROM generate_series(1, ${assets}) AS i`);
  await client.query(`
    CREATE TEMP TABLE bench_loan ON COMMIT DROP AS
    SELECT gen_random_uuid() AS id, a."id" AS asset, k AS nth, row_number() OVER () AS n,
           b."id" AS body, c."id" AS conv
    FROM "Asset" a CROSS JOIN generate_series(0, 1) AS k
    CROSS JOIN LATERAL (SELECT "id" FROM "Body" WHERE "kind" <> 'provider' ORDER BY "legalName" LIMIT 1) b
    CROSS JOIN LATERAL (SELECT "id" FROM "Convention" ORDER BY "number" LIMIT 1) c
    WHERE a."tag" LIKE 'BNL-%'`);
  await client.query(`
    INSERT INTO "Loan" ("id", "number", "bodyId", "conventionId", "status", "startDate", "endDate", "address", "updatedAt", "createdAt")
    SELECT id, 'BNL-' || lpad(n::text, 8, '0'), body, conv,
           CASE WHEN nth = 0 THEN 'returned'::"LoanStatus" ELSE 'in_service'::"LoanStatus" END,
           CASE WHEN nth = 0 THEN date '2025-01-01' ELSE date '2026-01-01' END + (n % 200)::int,
           CASE WHEN nth = 0 THEN date '2025-06-30' ELSE date '2027-06-30' END + (n % 200)::int,
           'Banc de mesure', now(), now() - (n || ' seconds')::interval
    FROM bench_loan`);
  await client.query(
    `INSERT INTO "LoanItem" ("id", "loanId", "assetId") SELECT gen_random_uuid(), id, asset FROM bench_loan`,
  );
  await client.query(`
    INSERT INTO "AssetBooking" ("id", "assetId", "loanId", "period", "active")
    SELECT gen_random_uuid(), b.asset, b.id, daterange(l."startDate", l."endDate" + 1, '[)'), b.nth = 1
    FROM bench_loan b JOIN "Loan" l ON l."id" = b.id`);
  await client.query("COMMIT");
  await client.query(`ANALYZE "Asset"; ANALYZE "Loan"; ANALYZE "LoanItem"; ANALYZE "AssetBooking"`);
}

/** The reservation check as raw SQL: is any active booking of the asset overlapping the period? */
export function rawBookingCheck(client: pg.Client) {
  return async (assetId: string) =>
    client.query(
      `SELECT 1 FROM "AssetBooking" WHERE "active" AND "assetId" = $1 AND "period" && daterange($2::date, $3::date, '[)') LIMIT 1`,
      [assetId, "2027-03-01", "2027-03-15"],
    );
}

/** The first page of loans, newest first, as raw SQL. */
export function rawLoanPage(client: pg.Client) {
  return async () =>
    client.query(
      `SELECT l."id", l."number", l."status", l."startDate", l."endDate", b."legalName"
       FROM "Loan" l JOIN "Body" b ON b."id" = l."bodyId" ORDER BY l."createdAt" DESC, l."id" DESC LIMIT 31`,
    );
}
