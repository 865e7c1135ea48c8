import type { AccountProfile } from "./event-profile.js";
import { UnionFind } from "./union-find.js";

/** What a set of merged accounts already says about its event, so that no merge makes it two. */
interface EventState {
  /** The days every dated account allows: their intervals' intersection. */
  from: number;
  to: number;
  countries: Set<string>;
  /** Datasets whose rows are in the set: one row per dataset and event. */
  datasets: Set<string>;
}

/**
 * Union-find over accounts of events that refuses a merge whose accounts could not all tell one
 * event: dates with no day in common, countries that differ (a Syrian coup is not an Iraqi one), two
 * rows of one dataset. Each accepted merge records its evidence on the account it brought in.
 */
export class EventClusters {
  private readonly sets: UnionFind;
  private readonly states: EventState[];
  readonly reasons = new Map<number, string>();

  constructor(profiles: readonly AccountProfile[], datasets: readonly (string | undefined)[]) {
    this.sets = new UnionFind(profiles.length);
    this.states = profiles.map((p, i) => ({
      from: p.from ?? -Infinity,
      to: p.to ?? Infinity,
      countries: new Set(p.countries),
      datasets: new Set(datasets[i] === undefined ? [] : [datasets[i]!]),
    }));
  }

  find(i: number): number {
    return this.sets.find(i);
  }

  /** Merges the events of `a` and `b` unless they cannot be one; true when they are (now) one. */
  join(a: number, b: number, reason: string): boolean {
    const [ra, rb] = [this.sets.find(a), this.sets.find(b)];
    if (ra === rb) return true;
    const [sa, sb] = [this.states[ra]!, this.states[rb]!];
    const from = Math.max(sa.from, sb.from);
    const to = Math.min(sa.to, sb.to);
    if (from > to) return false;
    if (sa.countries.size > 0 && sb.countries.size > 0 && ![...sa.countries].some((c) => sb.countries.has(c)))
      return false;
    if ([...sa.datasets].some((d) => sb.datasets.has(d))) return false;
    this.sets.union(ra, rb);
    const state = this.states[this.sets.find(ra)]!;
    state.from = from;
    state.to = to;
    state.countries =
      sa.countries.size === 0
        ? sb.countries
        : sb.countries.size === 0
          ? sa.countries
          : intersection(sa.countries, sb.countries);
    state.datasets = new Set([...sa.datasets, ...sb.datasets]);
    this.reasons.set(this.reasons.has(b) && !this.reasons.has(a) ? a : b, reason);
    return true;
  }
}

function intersection<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): Set<T> {
  return new Set([...a].filter((x) => b.has(x)));
}
