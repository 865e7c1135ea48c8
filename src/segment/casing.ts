/** Share of capitals below which a text tells nothing by its capitalization (a lower-cased dump). */
const CASELESS_CAPITALS = 0.003;
const SAMPLE = 200_000;

/** True when the text has letters but (almost) no capitals, as in a lower-cased token dump. */
export function isCaseless(text: string): boolean {
  let upper = 0;
  let letters = 0;
  const end = Math.min(text.length, SAMPLE);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      upper++;
      letters++;
    } else if (c >= 97 && c <= 122) letters++;
  }
  return letters >= 200 && upper / letters < CASELESS_CAPITALS;
}
