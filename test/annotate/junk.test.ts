import { describe, expect, it } from "vitest";
import { isJunkName } from "../../src/annotate/mentions/refiners/junk.js";

describe("junk names", () => {
  it.each([
    ["Deptel", "organization"],
    ["Central Files", "organization"],
    ["Ibid", "person"],
    ["Source", "organization"],
    ["Para", "place"],
    ["Iraqis", "organization"],
    ["Americans", "organization"],
    ["Syrian", "place"],
    ["John D", "person"],
    ["William M.", "person"],
    ["Kingdom", "place"],
    ["Dulles Papers", "person"],
    ["B-PER", "person"],
    ["O VIDEO O", "person"],
    ["Syria.svg | See Al-Hasakah", "person"],
    ["Hussein See", "person"],
  ] as const)("%s is no %s", (name, type) => {
    expect(isJunkName({ name, type })).toBe(true);
  });

  it.each([
    ["Chaderchi", "person"],
    ["Iraq", "place"],
    ["Oman", "place"],
    ["Jordan", "place"],
    ["John Foster Dulles", "person"],
    ["Dwight D. Eisenhower", "person"],
    ["Iraqi Communist Party", "organization"],
    ["National Guard", "organization"],
    ["CIA", "organization"],
    ["Ba'ath Party", "organization"],
  ] as const)("%s is a %s", (name, type) => {
    expect(isJunkName({ name, type })).toBe(false);
  });
});
