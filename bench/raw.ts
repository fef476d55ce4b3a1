// The floor: the same reads as the API's, as plain SQL on the same database.
import type pg from "pg";

const listSql = `SELECT t."id", t."number", t."subject", t."status", t."priority", t."channel", t."receivedAt", t."slaDueAt", t."slaState",
  t."interventionDueAt", t."interventionState", t."resolutionDueAt", t."resolutionState", t."interventionAt", t."resolvedAt",
  b."id" AS "bodyId", b."legalName", s."id" AS "serviceId", s."name" AS "serviceName", u."id" AS "assigneeId", u."name" AS "assigneeName"
  FROM "Ticket" t JOIN "Body" b ON b."id" = t."bodyId" JOIN "Service" s ON s."id" = t."serviceId" LEFT JOIN "User" u ON u."id" = t."assigneeId"`;

export async function rawQueries(client: pg.Client, n: number) {
  const body = (
    await client.query(`SELECT "bodyId" FROM "Ticket" GROUP BY "bodyId" ORDER BY count(*) DESC LIMIT 1`)
  ).rows[0].bodyId as string;
  const deep = (
    await client.query(
      `SELECT "receivedAt", "id" FROM "Ticket" ORDER BY "receivedAt" DESC, "id" DESC OFFSET $1 LIMIT 1`,
      [Math.floor(n / 2)],
    )
  ).rows[0] as { receivedAt: Date; id: string };
  const deepCursor = Buffer.from(JSON.stringify([deep.receivedAt.toISOString(), deep.id])).toString(
    "base64url",
  );
  return {
    filterBody: body,
    deepCursor,
    firstPage: () => client.query(`${listSql} ORDER BY t."receivedAt" DESC, t."id" DESC LIMIT 51`),
    filteredPage: () =>
      client.query(
        `${listSql} WHERE t."bodyId" = $1 AND t."status" = 'closed' ORDER BY t."receivedAt" DESC, t."id" DESC LIMIT 51`,
        [body],
      ),
    deepPage: () =>
      client.query(
        `${listSql} WHERE (t."receivedAt", t."id") < ($1, $2) ORDER BY t."receivedAt" DESC, t."id" DESC LIMIT 51`,
        [deep.receivedAt, deep.id],
      ),
    /** The SLA report's reads on the monthly rollup (sums, percentiles, by month, channel, body). */
    slaYear: (from: string) => async (body: string | null) => {
      const where = `r."month" >= $1::date ${body ? `AND r."bodyId" = $2::uuid` : ""}`;
      const args = body ? [from, body] : [from];
      const sums = `sum(r."tickets"), sum(r."interventionMet"), sum(r."interventionBreached"), sum(r."resolutionMet"),
        sum(r."resolutionBreached"), sum(r."csatAnswers"), sum(r."csatSum")`;
      await Promise.all([
        client.query(`SELECT ${sums} FROM "ReportSlaMonth" r WHERE ${where}`, args),
        client.query(
          `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY m), percentile_cont(0.9) WITHIN GROUP (ORDER BY m)
           FROM (SELECT unnest(r."interventionMinutes") m FROM "ReportSlaMonth" r WHERE ${where}) x`,
          args,
        ),
        client.query(`SELECT r."month", ${sums} FROM "ReportSlaMonth" r WHERE ${where} GROUP BY 1`, args),
        client.query(`SELECT r."channel", ${sums} FROM "ReportSlaMonth" r WHERE ${where} GROUP BY 1`, args),
        client.query(`SELECT r."bodyId", ${sums} FROM "ReportSlaMonth" r WHERE ${where} GROUP BY 1`, args),
      ]);
    },
    /** What the rollup avoids: the same counts straight on the tickets. */
    slaYearScan: (since: Date) =>
      client.query(
        `SELECT "bodyId", count(*), count(*) FILTER (WHERE COALESCE("interventionAt", "resolvedAt") <= "interventionDueAt"),
           count(*) FILTER (WHERE "resolvedAt" <= "resolutionDueAt") FROM "Ticket" WHERE "receivedAt" >= $1 GROUP BY 1`,
        [since],
      ),
    detail: async (id: string) => {
      await client.query(`${listSql} WHERE t."id" = $1`, [id]);
      await client.query(`SELECT * FROM "TicketMessage" WHERE "ticketId" = $1 ORDER BY "createdAt", "id"`, [
        id,
      ]);
    },
    search: () =>
      client.query(
        `
      WITH q AS (SELECT websearch_to_tsquery('mutuo_fr', $1) AS query),
      hits AS (
        SELECT t."id" FROM "Ticket" t, q WHERE (setweight(to_tsvector('mutuo_fr'::regconfig, t."subject"), 'A') || setweight(to_tsvector('mutuo_fr'::regconfig, t."description"), 'B')) @@ q.query
        UNION SELECT m."ticketId" FROM "TicketMessage" m, q WHERE m."kind" <> 'event' AND to_tsvector('mutuo_fr'::regconfig, m."body") @@ q.query
      )
      SELECT t."id", t."number", t."subject" FROM "Ticket" t JOIN hits h ON h."id" = t."id" ORDER BY t."receivedAt" DESC, t."id" DESC LIMIT 50`,
        ["imprimantes bloquées"],
      ),
  };
}
