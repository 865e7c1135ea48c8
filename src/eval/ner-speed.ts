/**
 * Tokens per CPU second of a tagger over sentences, after one warm-up pass, for at least `seconds`
 * of CPU time. CPU time, not wall time: the machines that run the evaluation are shared.
 */
export function tokensPerSecond(
  sentences: readonly (readonly string[])[],
  tag: (tokens: readonly string[]) => unknown,
  seconds = 1,
): number {
  const tokens = sentences.reduce((sum, sentence) => sum + sentence.length, 0);
  for (const sentence of sentences) tag(sentence);
  let passes = 0;
  const started = process.cpuUsage();
  const used = (): number => {
    const { user, system } = process.cpuUsage(started);
    return (user + system) / 1e6;
  };
  let elapsed = 0;
  while (elapsed < seconds || passes === 0) {
    for (const sentence of sentences) tag(sentence);
    passes++;
    elapsed = used();
  }
  return (tokens * passes) / elapsed;
}
