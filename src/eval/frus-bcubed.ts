/** Scoring of entity resolution against gold clusters: overlap alignment, B-cubed, mention detection. */
export interface ClusteredSpan {
  document: string;
  start: number;
  end: number;
  /** Gold: the persName@corresp; system: the entity (or name) it was resolved to. */
  cluster: string;
  /** The span's text, for error listings. */
  text?: string;
}

export interface PrecisionRecall {
  precision: number;
  recall: number;
  f1: number;
}

const overlap = (a: ClusteredSpan, b: ClusteredSpan): number =>
  a.document === b.document ? Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start)) : 0;

/** For each gold span, the system span of the same document that overlaps it most (the first on a tie). */
export function alignSpans(
  gold: readonly ClusteredSpan[],
  system: readonly ClusteredSpan[],
): (ClusteredSpan | undefined)[] {
  return gold.map((g) => {
    let best: ClusteredSpan | undefined;
    let bestOverlap = 0;
    for (const s of system) {
      const o = overlap(g, s);
      if (o > bestOverlap) [best, bestOverlap] = [s, o];
    }
    return best;
  });
}

const f1 = (precision: number, recall: number): number =>
  precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);

/**
 * B-cubed over the same items, each with a gold and a system cluster label: per item, precision is
 * the share of its system cluster in its gold cluster, recall the share of its gold cluster in its
 * system cluster; both averaged over the items.
 */
export function bcubed(gold: readonly string[], system: readonly string[]): PrecisionRecall {
  if (gold.length !== system.length) throw new Error("bcubed: gold and system label different items");
  if (gold.length === 0) return { precision: 0, recall: 0, f1: 0 };
  const count = (labels: readonly string[]) => {
    const counts = new Map<string, number>();
    for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
    return counts;
  };
  const goldSizes = count(gold);
  const systemSizes = count(system);
  const both = count(gold.map((g, i) => `${g}\u0000${system[i]}`));
  let precision = 0;
  let recall = 0;
  gold.forEach((g, i) => {
    const shared = both.get(`${g}\u0000${system[i]}`)!;
    precision += shared / systemSizes.get(system[i]!)!;
    recall += shared / goldSizes.get(g)!;
  });
  precision /= gold.length;
  recall /= gold.length;
  return { precision, recall, f1: f1(precision, recall) };
}

/** Overlap-based: a system span is right when it overlaps a gold person span, a gold span found when one overlaps it. */
export interface Detection extends PrecisionRecall {
  predicted: number;
  gold: number;
}

export interface ResolutionScores {
  bcubed: PrecisionRecall;
  /** B-cubed over the gold spans some system span overlaps: clustering errors alone. */
  bcubedFound: PrecisionRecall;
  detection: Detection;
  /** System spans overlapping no gold person span. */
  spurious: ClusteredSpan[];
  /** For each scored gold span, the system cluster it was aligned to ("unmatched" when none). */
  assigned: string[];
}

/**
 * `gold` are the spans with a cluster (persName@corresp); `persons` every gold person span, with or
 * without one. A gold span no system span overlaps is a singleton of the system partition.
 */
export function scoreResolution(
  gold: readonly ClusteredSpan[],
  persons: readonly ClusteredSpan[],
  system: readonly ClusteredSpan[],
): ResolutionScores {
  const aligned = alignSpans(gold, system);
  const systemLabels = aligned.map((s, i) => (s ? `system:${s.cluster}` : `unmatched:${i}`));
  const spurious = system.filter((s) => !persons.some((p) => overlap(p, s) > 0));
  const correct = system.length - spurious.length;
  const detected = persons.filter((p) => system.some((s) => overlap(p, s) > 0)).length;
  const precision = system.length === 0 ? 0 : correct / system.length;
  const recall = persons.length === 0 ? 0 : detected / persons.length;
  const matched = gold.flatMap((_, i) => (aligned[i] ? [i] : []));
  return {
    bcubed: bcubed(
      gold.map((g) => g.cluster),
      systemLabels,
    ),
    bcubedFound: bcubed(
      matched.map((i) => gold[i]!.cluster),
      matched.map((i) => systemLabels[i]!),
    ),
    detection: { predicted: system.length, gold: persons.length, precision, recall, f1: f1(precision, recall) },
    spurious,
    assigned: aligned.map((s) => s?.cluster ?? "unmatched"),
  };
}
