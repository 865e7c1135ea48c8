import { describe, expect, it } from "vitest";
import { describeFsError } from "../../src/read/fs-errors.js";

const failure = (code: string) => Object.assign(new Error(`${code}: failed`), { code });

describe("describeFsError", () => {
  it("says what went wrong and what to do, in one line", () => {
    expect(describeFsError(failure("EACCES"), "cannot open")).toBe(
      "cannot open: permission denied; grant read access or remove it from the input",
    );
    expect(describeFsError(failure("ENOENT"), "cannot read")).toMatch(/disappeared during the run; run again/);
    expect(describeFsError(failure("EMFILE"), "cannot open")).toMatch(/ulimit -n/);
    expect(describeFsError(failure("EOTHER"), "cannot read")).toBe("cannot read: EOTHER: failed");
  });
});
