import { describe, expect, it } from "vitest";
import { formValues } from "./form-state.ts";

describe("formValues", () => {
  it("gives back every value of a field sent several times (a multiple select), one a line", () => {
    const fd = new FormData();
    fd.append("name", "Plan");
    fd.append("memberIds", "a");
    fd.append("memberIds", "b");
    fd.append("$ACTION_ID", "x");
    fd.append("password", "secret");
    expect(formValues(fd, ["password"])).toEqual({ name: "Plan", memberIds: "a\nb" });
  });
});
