import { describe, expect, it } from "vitest";
import { CsvSplitter, type CsvRecord } from "./csv.ts";
import { KeySet } from "./engine.ts";
import { copyLine } from "./staging.ts";

/** Splits the text fed in pieces of `size` characters (every cut point, at size 1). */
function split(text: string, size: number, delimiter = ";"): CsvRecord[] {
  const s = new CsvSplitter(delimiter);
  const out: CsvRecord[] = [];
  for (let i = 0; i < text.length; i += size) s.push(text.slice(i, i + size), false, out);
  s.push("", true, out);
  return out;
}

describe("CSV splitter", () => {
  const file =
    'Réf;Nom;Note\r\nA1;"Dupont; Élise";"sur\r\ndeux lignes"\r\n\r\nA2;"Il dit ""oui""";\r\nA3;ab"c;x\rA4;"fin"\n';
  const expected = [
    { line: 1, raw: "Réf;Nom;Note", fields: ["Réf", "Nom", "Note"] },
    {
      line: 2,
      raw: 'A1;"Dupont; Élise";"sur\ndeux lignes"',
      fields: ["A1", "Dupont; Élise", "sur\ndeux lignes"],
    },
    { line: 5, raw: 'A2;"Il dit ""oui""";', fields: ["A2", 'Il dit "oui"', ""] },
    { line: 6, raw: 'A3;ab"c;x', fields: ["A3", 'ab"c', "x"] },
    { line: 7, raw: 'A4;"fin"', fields: ["A4", "fin"] },
  ];

  it("reads quoted delimiters, line breaks and doubled quotes, CRLF, LF and lone CR, with line numbers", () => {
    expect(split(file, file.length)).toEqual(expected);
  });

  it("gives the same records whatever the chunk boundaries", () => {
    for (const size of [1, 2, 3, 5, 7, 13]) expect(split(file, size)).toEqual(expected);
  });

  it("keeps a last record without a final line break, and an unclosed quote to the end", () => {
    expect(split("a,b\n1,2", 3, ",").map((r) => r.fields)).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(split('a\t"b\n', 2, "\t").map((r) => r.fields)).toEqual([["a", "b\n"]]);
  });
});

describe("COPY text rows", () => {
  it("escapes backslashes, tabs and line breaks, and drops NUL", () => {
    expect(copyLine(12, ["a\\b", "c\td", "e\nf\r", "g\u0000h", ""])).toBe(
      "12\ta\\\\b\tc\\td\te\\nf\\r\tgh\t\n",
    );
  });
});

describe("seen keys", () => {
  it("tells a key seen before, across growth of the table", () => {
    const set = new KeySet();
    for (let i = 1; i <= 5000; i++) expect(set.add(i * 7919 + 0.5 * (i % 2))).toBe(true);
    for (let i = 1; i <= 5000; i++) expect(set.add(i * 7919 + 0.5 * (i % 2))).toBe(false);
    expect(set.add(2 ** 52 + 1)).toBe(true);
  });
});
