/** Tokens per second of a tagger over sentences, after one warm-up pass, for at least `seconds`. */
export function tokensPerSecond(
  sentences: readonly (readonly string[])[],
  tag: (tokens: readonly string[]) => unknown,
  seconds = 1,
): number {
  const tokens = sentences.reduce((sum, sentence) => sum + sentence.length, 0);
  for (const sentence of sentences) tag(sentence);
  let passes = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < seconds * 1000 || passes === 0) {
    for (const sentence of sentences) tag(sentence);
    passes++;
    elapsed = performance.now() - started;
  }
  return (tokens * passes) / (elapsed / 1000);
}
