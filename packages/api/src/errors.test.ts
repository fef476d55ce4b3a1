import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@mutuo/db/testing";
import { DomainError } from "@mutuo/core/errors";
import { errorData, toTRPCError } from "./errors.ts";
import { seedDemo } from "@mutuo/db/seed";
import { callerFor } from "./testing.ts";

describe("domain errors to tRPC", () => {
  it("maps each domain code to its HTTP-level code and keeps the field", () => {
    const e = toTRPCError(new DomainError("VALIDATION", "bad siret", { field: "siret" }));
    expect(e.code).toBe("BAD_REQUEST");
    expect(errorData(e)).toMatchObject({ domainCode: "VALIDATION", field: "siret" });
    expect(toTRPCError(new DomainError("FORBIDDEN", "no")).code).toBe("FORBIDDEN");
    expect(toTRPCError(new DomainError("UNAUTHENTICATED", "no")).code).toBe("UNAUTHORIZED");
    expect(errorData(new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: new Error("SQL…") }))).toEqual({
      domainCode: null,
      field: null,
      params: null,
      fieldErrors: null,
    });
  });
});

describe("procedures", () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase();
    await seedDemo(tdb.prisma());
  });
  afterAll(async () => tdb.drop());

  const caller = () => callerFor(tdb.prisma(), tdb.url, "tech@val-orlene.example");

  it("rejects invalid input with the field named, before any service runs", async () => {
    const error = await (await caller()).bodies.list({ limit: 1000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect(errorData(error as TRPCError).fieldErrors).toHaveProperty("limit");
  });

  it("turns a domain error thrown by a service into its tRPC code", async () => {
    const error = await (await caller()).bodies.list({ cursor: "garbage" }).catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect(errorData(error as TRPCError)).toMatchObject({ domainCode: "VALIDATION", field: "cursor" });
  });
});
