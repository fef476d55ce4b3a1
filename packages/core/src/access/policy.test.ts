import { describe, expect, it } from "vitest";
import { DomainError } from "../errors/index.ts";
import type { Actor } from "./actor.ts";
import { assertBodyVisible, bodyScope, canSeeBody, visibleBodyIds } from "./policy.ts";

const agent: Actor = { userId: "u", name: "A", role: "agent", bodyIds: ["A", "A-ccas"], activeBodyId: null };
const tech: Actor = { userId: "t", name: "T", role: "technician", bodyIds: ["P"], activeBodyId: null };

describe("isolation rule", () => {
  it("limits agents to their bodies and narrows to the body they act for", () => {
    expect(visibleBodyIds(agent)).toEqual(["A", "A-ccas"]);
    expect(visibleBodyIds({ ...agent, activeBodyId: "A-ccas" })).toEqual(["A-ccas"]);
    expect(visibleBodyIds({ ...agent, activeBodyId: "B" })).toEqual(["A", "A-ccas"]); // not theirs: ignored
    expect(bodyScope(agent)).toEqual({ bodyId: { in: ["A", "A-ccas"] } });
    expect(canSeeBody(agent, "B")).toBe(false);
    expect(canSeeBody(agent, null)).toBe(false);
    expect(() => assertBodyVisible(agent, "B")).toThrow(DomainError);
  });

  it("lets provider staff see every body", () => {
    expect(visibleBodyIds(tech)).toBe("all");
    expect(bodyScope(tech)).toEqual({});
    expect(canSeeBody(tech, "B")).toBe(true);
  });
});
