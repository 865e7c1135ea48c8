/** Character error rate: edit distance over the reference's length, whitespace runs counted as one space. */
export function characterErrorRate(recognized: string, reference: string): number {
  const a = recognized.replace(/\s+/g, " ").trim();
  const b = reference.replace(/\s+/g, " ").trim();
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length]! / b.length;
}
