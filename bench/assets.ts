// The asset registry in the bench: 100 000 assets (and their history) seeded with INSERT … SELECT
// generate_series, and the raw-SQL floor of the registry's reads (list, filtered list, search, page).
import type pg from "pg";

export async function seedAssets(client: pg.Client, n: number, log: (m: string) => void): Promise<void> {
  const have = Number(
    (await client.query(`SELECT count(*) FROM "Asset" WHERE "tag" LIKE 'BENCH-%'`)).rows[0].count,
  );
  if (have >= n) return log(`  ${have.toLocaleString("fr-FR")} équipements déjà là`);
  const t0 = Date.now();
  await client.query(
    `WITH kinds AS (SELECT array_agg("id" ORDER BY "code") AS k FROM "AssetKind"),
          bodies AS (SELECT array_agg("id" ORDER BY "legalName") AS b FROM "Body" WHERE "kind" <> 'provider')
     INSERT INTO "Asset" ("id", "tag", "serialNumber", "kindId", "manufacturer", "model", "status", "bodyId",
                          "location", "purchaseDate", "purchaseValueCents", "warrantyEnd", "notes", "createdAt", "updatedAt")
     SELECT gen_random_uuid(), 'BENCH-' || lpad(i::text, 7, '0'), 'SNB' || lpad(i::text, 9, '0'),
            k[1 + i % array_length(k, 1)], (ARRAY['Lenovo','Dell','HP','Cisco','Teltonika'])[1 + i % 5],
            (ARRAY['ThinkPad E14','Latitude 5440','EliteBook 840','Catalyst 1000','RUT241'])[1 + (i / 7) % 5],
            s.status::"AssetStatus",
            CASE WHEN s.status IN ('lent','lost','stolen') THEN b[1 + i % array_length(b, 1)] END,
            'Magasin DSI', date '2020-01-01' + (i % 2000), 20000 + (i % 900) * 100,
            date '2024-01-01' + (i % 1800), '', now(), now()
     FROM generate_series($1::int + 1, $2::int) AS i, kinds, bodies,
     LATERAL (SELECT (ARRAY['in_stock','in_stock','lent','lent','lent','in_repair','reserved','retired','lost','stolen'])[1 + i % 10] AS status) s`,
    [have, n],
  );
  await client.query(
    `INSERT INTO "AssetEvent" ("id", "assetId", "kind", "data", "createdAt")
     SELECT gen_random_uuid(), a."id", e.kind, jsonb_build_object('to', a."status"), a."createdAt" - e.ago
     FROM "Asset" a CROSS JOIN (VALUES ('created', interval '900 days'), ('status_changed', interval '200 days')) AS e(kind, ago)
     WHERE a."tag" LIKE 'BENCH-%' AND NOT EXISTS (SELECT 1 FROM "AssetEvent" x WHERE x."assetId" = a."id")`,
  );
  await client.query(`ANALYZE "Asset"; ANALYZE "AssetEvent"`);
  log(
    `  ${(n - have).toLocaleString("fr-FR")} équipements semés en ${((Date.now() - t0) / 1000).toFixed(0)} s`,
  );
}

const listSql = `SELECT a."id", a."tag", a."serialNumber", a."manufacturer", a."model", a."status", a."location", a."warrantyEnd", a."kitId",
  k."id", k."code", k."label", k."isKit", b."id", b."legalName"
  FROM "Asset" a JOIN "AssetKind" k ON k."id" = a."kindId" LEFT JOIN "Body" b ON b."id" = a."bodyId"`;

export async function rawAssetQueries(client: pg.Client) {
  const laptop = (await client.query(`SELECT "id" FROM "AssetKind" WHERE "code" = 'laptop'`)).rows[0]
    .id as string;
  return {
    laptop,
    list: () => client.query(`${listSql} ORDER BY a."tag", a."id" LIMIT 51`),
    filtered: () =>
      client.query(
        `${listSql} WHERE a."status" = 'lent' AND a."kindId" = $1 ORDER BY a."tag", a."id" LIMIT 51`,
        [laptop],
      ),
    search: () =>
      client.query(
        `${listSql} WHERE a."tag" ILIKE $1 OR a."serialNumber" ILIKE $1 OR a."model" ILIKE $1 ORDER BY a."tag", a."id" LIMIT 51`,
        ["%0004242%"],
      ),
    page: async (id: string) => {
      await client.query(`${listSql} WHERE a."id" = $1`, [id]);
      await client.query(
        `SELECT * FROM "AssetEvent" WHERE "assetId" = $1 ORDER BY "createdAt" DESC, "id" DESC LIMIT 500`,
        [id],
      );
      await client.query(
        `SELECT "id", "number" FROM "Ticket" WHERE "assetId" = $1 ORDER BY "receivedAt" DESC LIMIT 200`,
        [id],
      );
    },
  };
}
