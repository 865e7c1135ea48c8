import type { EntitySpan, EntityType } from "../annotate/mentions/model/tags.js";
import { ENTITY_TYPES } from "../annotate/mentions/model/tags.js";

export interface Counts {
  truePositives: number;
  /** Spans predicted (true + false positives). */
  predicted: number;
  /** Spans in the gold standard (true positives + false negatives). */
  gold: number;
}

export interface Scores extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export type ScoreTable = Record<EntityType | "micro", Scores>;

const emptyCounts = (): Counts => ({ truePositives: 0, predicted: 0, gold: 0 });

/** Exact-span counting: a prediction is right only with the same first token, last token and type. */
export class SpanScorer {
  private readonly counts = new Map<EntityType, Counts>(ENTITY_TYPES.map((type) => [type, emptyCounts()]));

  add(gold: readonly EntitySpan[], predicted: readonly EntitySpan[]): void {
    const key = (span: EntitySpan): string => `${span.startToken}:${span.endToken}:${span.type}`;
    const goldKeys = new Set(gold.map(key));
    for (const span of gold) this.countsOf(span.type).gold++;
    for (const span of predicted) {
      const counts = this.countsOf(span.type);
      counts.predicted++;
      if (goldKeys.has(key(span))) counts.truePositives++;
    }
  }

  scores(): ScoreTable {
    const micro = emptyCounts();
    const table: Partial<ScoreTable> = {};
    for (const type of ENTITY_TYPES) {
      const counts = this.countsOf(type);
      micro.truePositives += counts.truePositives;
      micro.predicted += counts.predicted;
      micro.gold += counts.gold;
      table[type] = score(counts);
    }
    return { ...(table as Record<EntityType, Scores>), micro: score(micro) };
  }

  private countsOf(type: EntityType): Counts {
    const counts = this.counts.get(type);
    if (!counts) throw new Error(`unknown entity type ${type}`);
    return counts;
  }
}

export function score(counts: Counts): Scores {
  const precision = counts.predicted === 0 ? 0 : counts.truePositives / counts.predicted;
  const recall = counts.gold === 0 ? 0 : counts.truePositives / counts.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...counts, precision, recall, f1 };
}
