import { describe, expect, it } from "vitest";
import { demoSiret } from "@mutuo/db/seed";
import { isValidInseeCode, isValidSiret, luhnValid } from "./siret.ts";

describe("SIRET and INSEE checks", () => {
  it("accepts 14 Luhn-valid digits, spaces ignored", () => {
    expect(isValidSiret("732 829 320 00074")).toBe(true);
    expect(isValidSiret(demoSiret("21990101"))).toBe(true);
    expect(isValidSiret("73282932000075")).toBe(false);
    expect(isValidSiret("7328293200007")).toBe(false);
    expect(isValidSiret("7328293200007A")).toBe(false);
    expect(luhnValid("")).toBe(false);
  });

  it("handles La Poste's establishments by digit sum", () => {
    expect(isValidSiret("35600000000010")).toBe(true); // digit sum 15
    expect(isValidSiret("35600000000011")).toBe(false); // digit sum 16
  });

  it("accepts INSEE codes of mainland and Corsica", () => {
    expect(isValidInseeCode("45901")).toBe(true);
    expect(isValidInseeCode("2A004")).toBe(true);
    expect(isValidInseeCode("4590")).toBe(false);
    expect(isValidInseeCode("2C004")).toBe(false);
  });
});
