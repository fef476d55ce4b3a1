import { describe, expect, it } from "vitest";
import {
  canTestLoad,
  checkRow,
  checkValue,
  detectDelimiter,
  detectEncoding,
  isSiret,
  missingRequired,
  parseFrenchDate,
  progressOf,
  proposeMapping,
  stagingSchema,
  type TargetColumn,
} from "./rules.ts";

const col = (type: TargetColumn["type"], extra: Partial<TargetColumn> = {}): TargetColumn => ({
  name: "c",
  label: "Colonne",
  type,
  required: false,
  ...extra,
});

describe("column checks", () => {
  it("requires required values and keeps empty optional ones", () => {
    expect(checkValue(col("text", { required: true }), "  ")).toEqual({
      ok: false,
      rule: "Valeur obligatoire manquante",
    });
    expect(checkValue(col("integer"), "")).toEqual({ ok: true, value: "" });
  });
  it("limits text length", () => {
    expect(checkValue(col("text", { maxLength: 3 }), "abcd")).toMatchObject({ ok: false });
    expect(checkValue(col("text", { maxLength: 3 }), " abc ")).toEqual({ ok: true, value: "abc" });
  });
  it("reads integers and decimals with commas", () => {
    expect(checkValue(col("integer"), "1 200")).toEqual({ ok: true, value: "1200" });
    expect(checkValue(col("integer"), "12,5")).toMatchObject({ ok: false, rule: "Nombre entier attendu" });
    expect(checkValue(col("decimal"), "12,50")).toEqual({ ok: true, value: "12.50" });
    expect(checkValue(col("decimal"), "1.234,5")).toEqual({ ok: true, value: "1234.5" });
    expect(checkValue(col("decimal"), "abc")).toMatchObject({ ok: false });
    expect(checkValue(col("amount"), "1 234,56 €")).toEqual({ ok: true, value: "1234.56" });
    expect(checkValue(col("amount"), "12,345")).toMatchObject({ ok: false });
  });
  it("reads French dates and refuses impossible ones", () => {
    expect(parseFrenchDate("29/02/2024")).toBe("2024-02-29");
    expect(parseFrenchDate("29/02/2025")).toBeNull();
    expect(parseFrenchDate("1/3/2025")).toBe("2025-03-01");
    expect(parseFrenchDate("2025-03-01")).toBe("2025-03-01");
    expect(checkValue(col("date"), "31/04/2025")).toEqual({
      ok: false,
      rule: "Date invalide (format attendu jj/mm/aaaa)",
    });
  });
  it("reads booleans, e-mails, phones", () => {
    expect(checkValue(col("boolean"), "Oui")).toEqual({ ok: true, value: "true" });
    expect(checkValue(col("boolean"), "peut-être")).toMatchObject({ ok: false });
    expect(checkValue(col("email"), "Jeanne.Martin@exemple.fr")).toEqual({
      ok: true,
      value: "jeanne.martin@exemple.fr",
    });
    expect(checkValue(col("email"), "jeanne@")).toMatchObject({ ok: false, rule: "Adresse e-mail invalide" });
    expect(checkValue(col("phone"), "+33 6 12 34 56 78")).toEqual({ ok: true, value: "0612345678" });
    expect(checkValue(col("phone"), "06.12.34.56")).toMatchObject({ ok: false });
  });
  it("checks SIRET keys, INSEE and postal codes", () => {
    expect(isSiret("73282932000074")).toBe(true);
    expect(isSiret("73282932000075")).toBe(false);
    expect(checkValue(col("siret"), "732 829 320 00074")).toEqual({ ok: true, value: "73282932000074" });
    expect(checkValue(col("insee"), "2A004")).toEqual({ ok: true, value: "2A004" });
    expect(checkValue(col("insee"), "123")).toMatchObject({ ok: false });
    expect(checkValue(col("postal_code"), "69001")).toEqual({ ok: true, value: "69001" });
    expect(checkValue(col("postal_code"), "6900")).toMatchObject({ ok: false });
  });
  it("accepts only listed values, whatever the case", () => {
    const c = col("enum", { values: ["Locataire", "Propriétaire"] });
    expect(checkValue(c, "locataire")).toEqual({ ok: true, value: "Locataire" });
    expect(checkValue(c, "Squatteur")).toEqual({
      ok: false,
      rule: "Valeur hors liste (attendu : Locataire, Propriétaire)",
    });
  });
});

describe("rows", () => {
  const columns: TargetColumn[] = [
    { name: "start", label: "Début", type: "date", required: true },
    { name: "end", label: "Fin", type: "date", required: false },
  ];
  it("checks cross-field date order", () => {
    const rules = [{ kind: "date_order" as const, from: "start", to: "end" }];
    expect(checkRow(columns, rules, ["01/02/2025", "01/01/2025"]).errors).toEqual([
      {
        column: "Fin",
        value: "01/01/2025",
        rule: "La date « Fin » doit être postérieure ou égale à « Début »",
      },
    ]);
    expect(checkRow(columns, rules, ["01/02/2025", ""]).errors).toEqual([]);
    expect(checkRow(columns, rules, ["x", "01/01/2025"]).errors).toHaveLength(1);
  });
});

describe("files", () => {
  it("detects UTF-8 with or without BOM, else Windows-1252", () => {
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe("utf-8");
    expect(detectEncoding(new TextEncoder().encode("Nom;Prénom"))).toBe("utf-8");
    expect(detectEncoding(new Uint8Array([0x4e, 0x6f, 0x6d, 0x3b, 0x50, 0x72, 0xe9]))).toBe("windows-1252");
    // A character cut at the end of the sample is not a sign of Windows-1252.
    expect(detectEncoding(new TextEncoder().encode("Prénom é").subarray(0, 9), true)).toBe("utf-8");
  });
  it("detects the delimiter outside quotes", () => {
    expect(detectDelimiter("nom;prenom;ville\n")).toBe(";");
    expect(detectDelimiter('"a;b",c,d\n')).toBe(",");
    expect(detectDelimiter("a\tb\tc")).toBe("\t");
    expect(detectDelimiter("seul")).toBe(";");
  });
});

describe("mapping", () => {
  const columns: TargetColumn[] = [
    { name: "last_name", label: "Nom", type: "text", required: true },
    { name: "first_name", label: "Prénom", type: "text", required: true },
    { name: "email", label: "Courriel", type: "email", required: false },
    { name: "postal_code", label: "Code postal", type: "postal_code", required: true },
  ];
  it("proposes columns by name similarity, each source once", () => {
    const m = proposeMapping(columns, ["NOM", "PRENOM", "E-mail", "CP", "Code Postal"]);
    expect(m).toEqual({
      last_name: "NOM",
      first_name: "PRENOM",
      email: "E-mail",
      postal_code: "Code Postal",
    });
    expect(missingRequired(columns, { last_name: "NOM" }, ["NOM"]).map((c) => c.name)).toEqual([
      "first_name",
      "postal_code",
    ]);
  });
});

describe("lifecycle helpers", () => {
  it("blocks a test load under all-or-nothing when a row is bad", () => {
    expect(canTestLoad("all_or_nothing", { valid: 10, invalid: 1 })).toBe(false);
    expect(canTestLoad("load_valid", { valid: 10, invalid: 1 })).toBe(true);
    expect(canTestLoad("load_valid", { valid: 0, invalid: 0 })).toBe(false);
  });
  it("computes progress and ETA", () => {
    expect(progressOf({ bytesDone: 50, bytesTotal: 100, rowsDone: 1000, elapsedMs: 2000 })).toEqual({
      percent: 50,
      rowsPerSecond: 500,
      secondsLeft: 2,
    });
  });
  it("derives staging schemas from UUIDs only", () => {
    expect(stagingSchema("0F8E0C2A-1111-4222-8333-444455556666")).toBe(
      "migration_0f8e0c2a111142228333444455556666",
    );
    expect(() => stagingSchema('x"; drop table "Body')).toThrow();
  });
});
