import { describe, expect, it } from "vitest";
import { safeNextPath, signInPath } from "./next-path.ts";

describe("the destination after sign-in", () => {
  it("keeps a path of this site with its query", () => {
    expect(safeNextPath("/tickets/8c1?x=1")).toBe("/tickets/8c1?x=1");
    expect(signInPath("/demandes?etat=resolues")).toBe("/connexion?suite=%2Fdemandes%3Fetat%3Dresolues");
  });

  it("refuses other origins, schemes and the sign-in pages", () => {
    for (const bad of [
      "https://evil.example/",
      "//evil.example/x",
      "/\\evil.example",
      "javascript:alert(1)",
      "tickets",
      "/connexion",
      "/connexion/verification",
      "/a\nb",
      "",
      undefined,
    ])
      expect(safeNextPath(bad), String(bad)).toBeNull();
    expect(signInPath("//evil.example")).toBe("/connexion");
    expect(signInPath("/")).toBe("/connexion");
  });
});
