import { describe, expect, it } from "vitest";
import { UntilChangedByKey } from "../../src/views/until-changed.js";

describe("UntilChangedByKey", () => {
  const counting = (size: number) => {
    let stamp = "1";
    let computed = 0;
    const cache = new UntilChangedByKey<string>(() => stamp, size);
    return {
      get: (key: string) => cache.get(key, () => `${key}@${stamp}#${++computed}`),
      change: (next: string) => (stamp = next),
      computed: () => computed,
    };
  };

  it("computes a key once until the base changes, then every key again", () => {
    const cache = counting(4);
    expect(cache.get("a")).toBe("a@1#1");
    expect(cache.get("b")).toBe("b@1#2");
    expect(cache.get("a")).toBe("a@1#1");
    expect(cache.computed()).toBe(2);
    cache.change("2");
    expect(cache.get("a")).toBe("a@2#3");
    expect(cache.get("b")).toBe("b@2#4");
  });

  it("keeps the most recently used keys and drops the one used longest ago", () => {
    const cache = counting(2);
    cache.get("a");
    cache.get("b");
    cache.get("a");
    cache.get("c");
    expect(cache.computed()).toBe(3);
    expect(cache.get("a")).toBe("a@1#1");
    expect(cache.get("b")).toBe("b@1#4");
  });
});
