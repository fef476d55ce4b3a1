// Test helper: fast-check arbitraries derived from a zod 4 input schema. Most values have the shape
// the schema asks for (so that they reach the services and the database), and any value may be
// hostile instead: NUL, lone surrogates, huge strings, RTL and emoji, SQL-ish text, wrong types, huge
// numbers, forged cursors, foreign and unknown ids.
import fc from "fast-check";
import type { z } from "zod";

export interface ArbitraryOptions {
  /** Ids of existing objects of every kind (own and foreign to the caller), mixed with unknown ones. */
  ids: string[];
  /** Values of the right type and shape everywhere (strings may still carry NUL or lone surrogates,
   * which the text type must absorb), so that the call reaches the services and the database.
   * Otherwise any value may be hostile or of the wrong type. */
  shaped?: boolean;
  /** Ids by field name (e.g. ticketId: ticket ids), so that shaped calls find real objects. */
  idsByKey?: Record<string, string[]>;
}

type Def = Record<string, unknown> & { type: string };
type Check = { _zod: { def: Record<string, unknown> & { check: string } } };

const defOf = (s: unknown) => (s as { _zod: { def: Def } })._zod.def;

export const HOSTILE_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udc00y",
  "\udfff\ud800",
  '\'; DROP TABLE "Ticket"; --',
  "' OR 1=1 --",
  "%00",
  "\\x00",
  "../../../etc/passwd",
  "\u202eRTL\u202d مرحبا שלום",
  "🙂👩‍👩‍👧🏳️‍🌈",
  "<script>alert(1)</script>",
  "SOS-2026-000001\u0000",
  "x".repeat(100_000),
  "é".repeat(5_000) + "\u0000",
];

const ANY_UNIT = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));
const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ unit: ANY_UNIT, maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
);
const wrongType = fc.constantFrom<unknown>(
  null,
  undefined,
  0,
  -1,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  [],
  {},
  [null],
  { __proto__: null },
  "string",
  new Date(Number.NaN),
);
const hugeNumber = fc.constantFrom(
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 1,
  -Number.MAX_SAFE_INTEGER,
  2 ** 31,
  -(2 ** 31) - 1,
  1e20,
  -1e20,
  0.5,
  -0,
  8.64e15,
  -8.64e15,
);

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
/** Forged keyset cursors: wrong arity, wrong types, bad instants, NUL. */
const cursor = (ids: string[]) =>
  fc.oneof(
    fc.constantFrom(
      b64(["x", "y"]),
      b64(["x", "y", "z"]),
      b64([1, 2]),
      b64(["2026-01-01T00:00:00.000Z", "not-a-uuid"]),
      b64(["2026-13-45T99:99:99.000Z", ids[0] ?? ""]),
      b64(["", ids[0] ?? ""]),
      b64(["critical", "x", "y"]),
      b64(["pirate", "2026-01-01T00:00:00.000Z", ids[0] ?? ""]),
      b64(["1.5"]),
      b64(["99999999999999999999999"]),
      b64([-1]),
      b64(["a\u0000", ids[0] ?? ""]),
      b64(["\ud800", ids[0] ?? ""]),
      b64({}),
      b64(null),
      "%%%",
      "",
    ),
    fc.jsonValue({ maxDepth: 2 }).map(b64),
    fc.tuple(fc.date({ noInvalidDate: true }), fc.constantFrom(...ids)).map(([d, id]) => b64([d, id])),
  );

/** Strings matching the pattern (fast-check reads most regular expressions; else any short string). */
function matching(pattern: RegExp, max: number): fc.Arbitrary<string> {
  try {
    return fc.stringMatching(pattern).filter((s) => s.length <= max);
  } catch {
    return fc.string({ maxLength: 40 });
  }
}

function stringArbitrary(def: Def, key: string | undefined, o: ArbitraryOptions): fc.Arbitrary<unknown> {
  const checks = ((def.checks as Check[] | undefined) ?? []).map((c) => c._zod.def);
  const format =
    (def.format as string | undefined) ??
    (checks.find((c) => c.check === "string_format")?.format as string | undefined);
  const pattern =
    (def.pattern as RegExp | undefined) ??
    (checks.find((c) => c.check === "string_format")?.pattern as RegExp | undefined);
  const min = (checks.find((c) => c.check === "min_length")?.minimum as number | undefined) ?? 0;
  const max = (checks.find((c) => c.check === "max_length")?.maximum as number | undefined) ?? 200;
  const len = checks.find((c) => c.check === "length_equals")?.length as number | undefined;
  let shaped: fc.Arbitrary<string>;
  if (key === "cursor") shaped = cursor(o.ids);
  else if (format === "uuid" || format === "guid")
    shaped = fc.oneof(
      fc.constantFrom(...o.ids),
      fc.uuid(),
      fc.constant("00000000-0000-0000-0000-000000000000"),
    );
  else if (key === "contentBase64" || key === "content")
    shaped = fc
      .uint8Array({ maxLength: 300 })
      .map((b) => Buffer.from(b).toString(key === "content" ? "utf8" : "base64"));
  else if (pattern) shaped = matching(pattern, Math.max(max, 64));
  else if (len !== undefined) shaped = fc.string({ minLength: len, maxLength: len });
  else shaped = fc.string({ unit: "grapheme", minLength: min, maxLength: Math.min(max, 60) });
  // A valid-looking value with a NUL or a lone surrogate slipped in, or a plain hostile one.
  const spiked = shaped.chain((s) =>
    fc.constantFrom(`${s}\u0000`, `\u0000${s}`, `${s}\ud800`, `${s.slice(0, 3)}\udc00${s.slice(3)}`),
  );
  // A shaped call mostly goes without a cursor: a forged one stops it before the database.
  if (o.shaped && key === "cursor")
    return fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: shaped });
  if (o.shaped && (format === "uuid" || key === "contentBase64")) return shaped;
  if (o.shaped || format === "uuid" || key === "cursor")
    return fc.oneof({ weight: 3, arbitrary: shaped }, { weight: 2, arbitrary: spiked });
  return fc.oneof(
    { weight: 5, arbitrary: shaped },
    { weight: 2, arbitrary: spiked },
    { weight: 2, arbitrary: hostileString },
    { weight: 1, arbitrary: wrongType },
  );
}

function numberArbitrary(def: Def, o: ArbitraryOptions): fc.Arbitrary<unknown> {
  const checks = ((def.checks as Check[] | undefined) ?? []).map((c) => c._zod.def);
  const min = (checks.find((c) => c.check === "greater_than")?.value as number | undefined) ?? -1000;
  const max = (checks.find((c) => c.check === "less_than")?.value as number | undefined) ?? 1000;
  const int = checks.some((c) => c.check === "number_format");
  const shaped = int ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true });
  if (o.shaped) return shaped;
  return fc.oneof(
    { weight: 5, arbitrary: shaped },
    { weight: 2, arbitrary: hugeNumber },
    { weight: 1, arbitrary: wrongType },
  );
}

const shapedDate = fc.date({ min: new Date("2020-01-01"), max: new Date("2030-12-31"), noInvalidDate: true });
const dateArbitrary = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.date({ min: new Date("2020-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }),
  },
  { weight: 2, arbitrary: fc.date() },
  { weight: 1, arbitrary: fc.date().map((d) => (Number.isNaN(d.getTime()) ? "x" : d.toISOString())) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>("0000-01-01", "275760-09-13T00:00:00Z", -8.64e15, 8.64e15, "demain"),
  },
  { weight: 1, arbitrary: wrongType },
);

/** An arbitrary of inputs for the schema (`key`: the field's name, for cursors and file contents). */
export function arbitraryOf(
  schema: unknown,
  o: ArbitraryOptions,
  key?: string,
  depth = 0,
): fc.Arbitrary<unknown> {
  if (!schema || depth > 8) return wrongType;
  const def = defOf(schema);
  const inner = (s: unknown, k = key) => arbitraryOf(s, o, k, depth + 1);
  switch (def.type) {
    case "string":
      return stringArbitrary(def, key, o);
    case "number":
    case "int":
      return numberArbitrary(def, o);
    case "bigint":
      return fc.oneof(fc.bigInt(), wrongType);
    case "boolean":
      return fc.oneof({ weight: 4, arbitrary: fc.boolean() }, { weight: 1, arbitrary: wrongType });
    case "date":
      return o.shaped ? shapedDate : dateArbitrary;
    case "enum": {
      const values = Object.values(def.entries as Record<string, string | number>);
      if (o.shaped) return fc.constantFrom(...values);
      return fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom(...values) },
        { weight: 1, arbitrary: hostileString },
      );
    }
    case "literal":
      return fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom(...(def.values as unknown[])) },
        { weight: 1, arbitrary: wrongType },
      );
    case "object": {
      const shape = def.shape as Record<string, unknown>;
      const fields: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(shape)) fields[k] = inner(v, k);
      if (o.shaped) return fc.record(fields);
      return fc.oneof(
        { weight: 8, arbitrary: fc.record(fields, { requiredKeys: [] }) },
        { weight: 1, arbitrary: fc.record(fields) },
        { weight: 1, arbitrary: wrongType },
      );
    }
    case "array": {
      const checks = ((def.checks as Check[] | undefined) ?? []).map((c) => c._zod.def);
      const minLength = (checks.find((c) => c.check === "min_length")?.minimum as number | undefined) ?? 0;
      const items = fc.array(inner(def.element), { minLength, maxLength: Math.max(minLength, 3) });
      // Shaped: mostly the fewest items allowed, so that one bad item does not stop every call.
      if (o.shaped)
        return fc.oneof(
          { weight: 2, arbitrary: fc.array(inner(def.element), { minLength, maxLength: minLength }) },
          { weight: 1, arbitrary: items },
        );
      return fc.oneof(
        { weight: 5, arbitrary: items },
        { weight: 1, arbitrary: inner(def.element).map((x) => Array.from({ length: 500 }, () => x)) },
        { weight: 1, arbitrary: wrongType },
      );
    }
    case "tuple":
      return fc.tuple(...(def.items as unknown[]).map((s) => inner(s)));
    case "record":
      if (o.shaped)
        return fc.dictionary(inner(def.keyType) as fc.Arbitrary<string>, inner(def.valueType), {
          maxKeys: 4,
        });
      return fc.oneof(
        fc.dictionary(fc.oneof(hostileString, fc.string()), inner(def.valueType), { maxKeys: 4 }),
        fc.dictionary(inner(def.keyType) as fc.Arbitrary<string>, inner(def.valueType), { maxKeys: 4 }),
        wrongType,
      );
    case "union":
      return fc.oneof(...(def.options as unknown[]).map((s) => inner(s)));
    case "intersection":
      return fc
        .tuple(inner(def.left), inner(def.right))
        .map(([a, b]) => (typeof a === "object" && typeof b === "object" && a && b ? { ...a, ...b } : a));
    case "optional":
    case "nonoptional":
      return fc.oneof(
        { weight: 4, arbitrary: inner(def.innerType) },
        { weight: 1, arbitrary: fc.constant(undefined) },
      );
    case "nullable":
      return fc.oneof(
        { weight: 4, arbitrary: inner(def.innerType) },
        { weight: 1, arbitrary: fc.constant(null) },
      );
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
      return fc.oneof(
        { weight: 4, arbitrary: inner(def.innerType) },
        { weight: 1, arbitrary: fc.constant(undefined) },
      );
    case "pipe":
      // The output's checks (a regex after a transform) are often the stricter: both sides serve.
      return defOf(def.out).type === "transform"
        ? inner(def.in)
        : fc.oneof({ weight: 1, arbitrary: inner(def.in) }, { weight: 3, arbitrary: inner(def.out) });
    case "lazy":
      return inner((def.getter as () => unknown)());
    case "void":
    case "undefined":
      return fc.oneof(fc.constant(undefined), wrongType);
    case "null":
      return fc.oneof(fc.constant(null), wrongType);
    default:
      // transform, custom, any, unknown…: anything at all.
      return fc.oneof(hostileString, wrongType, fc.jsonValue({ maxDepth: 2 }));
  }
}

/** The procedure's input arbitrary: its schemas merged (none: anything, the procedure ignores it). */
export function procedureInputArbitrary(inputs: z.ZodType[], o: ArbitraryOptions): fc.Arbitrary<unknown> {
  if (inputs.length === 0) return fc.oneof(fc.constant(undefined), wrongType, hostileString);
  const of = (mode: ArbitraryOptions) =>
    inputs.length === 1
      ? arbitraryOf(inputs[0], mode)
      : fc
          .tuple(...inputs.map((s) => arbitraryOf(s, mode)))
          .map((parts) => Object.assign({}, ...parts.filter((p) => typeof p === "object" && p)) as unknown);
  return fc.oneof(
    { weight: 2, arbitrary: of({ ...o, shaped: true }) },
    { weight: 1, arbitrary: of({ ...o, shaped: false }) },
  );
}
