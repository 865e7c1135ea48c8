import type { StoredEventMention } from "./types.js";
import { group } from "./entities.js";
import type { LinkProfile } from "./event-profile.js";
import { UnionFind } from "./union-find.js";

/**
 * Accounts linked through everything `mergeAccounts` may compare: the same name, a month of their
 * dates in one family, an undated account and the named dated ones of its document and family, an
 * account that refers back and the one it would follow. Accounts of one linked set merge only among
 * themselves, in the same order whatever the other sets hold; so a set none of whose accounts
 * changed merges as it did before.
 */
export function linkedAccounts(accounts: readonly StoredEventMention[], profiles: readonly LinkProfile[]): UnionFind {
  const sets = new UnionFind(accounts.length);
  const all = accounts.map((_, i) => i);
  const own = ownDated(accounts, all);
  const unite = (list: readonly number[]) => {
    for (const i of list) sets.union(list[0]!, i);
  };
  const named = own.filter((i) => accounts[i]!.event.named);
  for (const list of group(named, (i) => `${profiles[i]!.family}|${profiles[i]!.labelKey}`).values()) unite(list);
  for (const bucket of dateBuckets(profiles, own).values()) unite(bucket);
  const inDocument = own.filter(
    (i) => isUndated(accounts[i]!) || (accounts[i]!.event.named && accounts[i]!.event.date),
  );
  for (const list of group(inDocument, (i) => `${accounts[i]!.documentId}|${profiles[i]!.family}`).values())
    if (list.some((i) => isUndated(accounts[i]!))) unite(list);
  for (const list of group(all, (i) => accounts[i]!.documentId).values()) {
    for (const i of list) {
      const before = accounts[i]!.event.refersBack ? toldBefore(accounts, profiles, list, i) : undefined;
      if (before !== undefined) sets.union(before, i);
    }
  }
  return sets;
}

/**
 * An account that refers back keeps only a date its own words state ("last Monday's coup"): with one, it
 * may meet its event anywhere in the corpus; without, only the event told before it in its document.
 */
export function ownDated(accounts: readonly StoredEventMention[], indices: number[]): number[] {
  return indices.filter((i) => !accounts[i]!.event.refersBack || accounts[i]!.event.date);
}

/** An account with no date, no name and no dataset row: it can only join the named event of its document. */
export function isUndated(account: StoredEventMention): boolean {
  return !account.event.date && !account.event.named && !account.event.dataset;
}

/** The latest account of the family of `list[i]` that does not refer back and is told before it in its document `list`. */
export function toldBefore(
  accounts: readonly StoredEventMention[],
  profiles: readonly LinkProfile[],
  list: readonly number[],
  i: number,
): number | undefined {
  const a = accounts[i]!;
  return list
    .filter((j) => !accounts[j]!.event.refersBack && profiles[j]!.family === profiles[i]!.family)
    .filter((j) => accounts[j]!.event.trigger.start < a.event.trigger.start)
    .sort((x, y) => accounts[y]!.event.trigger.start - accounts[x]!.event.trigger.start)[0];
}

/** Accounts grouped by family and by each month their date touches, so only plausible pairs are compared. */
export function dateBuckets(profiles: readonly LinkProfile[], indices: number[]): Map<string, number[]> {
  const buckets = new Map<string, number[]>();
  for (const i of indices) {
    const p = profiles[i]!;
    if (p.from === undefined) continue;
    for (const month of monthsBetween(p.from, p.to!, 24)) {
      const key = `${p.family}|${month}`;
      const list = buckets.get(key);
      if (list) list.push(i);
      else buckets.set(key, [i]);
    }
  }
  return buckets;
}

function monthsBetween(from: number, to: number, cap: number): string[] {
  const months = new Set<string>();
  for (let day = from; day <= to && months.size < cap; day += 28) months.add(monthOf(day));
  if (months.size < cap) months.add(monthOf(to));
  return [...months];
}

function monthOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 7);
}
