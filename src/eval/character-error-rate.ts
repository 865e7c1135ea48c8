import { editDistance } from "../core/edit-distance.js";

/** Character error rate: edit distance over the reference's length, whitespace runs counted as one space. */
export function characterErrorRate(recognized: string, reference: string): number {
  const a = recognized.replace(/\s+/g, " ").trim();
  const b = reference.replace(/\s+/g, " ").trim();
  return editDistance(a, b) / b.length;
}
