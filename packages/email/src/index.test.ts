import { describe, expect, it } from "vitest";
import { pooled } from "./index.ts";

describe("SMTP transport", () => {
  it("pools connections unless the URL chooses, and keeps the credentials as written", () => {
    expect(pooled("smtp://mutuo:p%40ss@relay.example:587")).toBe("smtp://mutuo:p%40ss@relay.example:587?pool=true");
    expect(pooled("smtps://relay.example?pool=false")).toBe("smtps://relay.example?pool=false");
    expect(pooled("smtp://relay.example:25/?secure=false")).toBe("smtp://relay.example:25/?secure=false&pool=true");
  });
});
