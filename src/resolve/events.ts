import { createHash } from "node:crypto";
import { COARSENESS } from "../annotate/events/event-dates.js";
import type { DatePrecision } from "../annotate/dates/index.js";
import type { EventRecord, StoredEventMention } from "./types.js";
import { group } from "./entities.js";
import { EventClusters } from "./event-clusters.js";
import { dateBuckets, isUndated, ownDated, toldBefore } from "./event-links.js";
import { labelKeyOf, profileOf, type AccountProfile, type EntityLookup } from "./event-profile.js";

/**
 * Accounts of events → events. Two accounts are one event only when their types are of one family,
 * their dates have a day in common at their precision, their countries agree, and they share evidence:
 * the same name, a participant, the place, a distinctive word of their labels, or (a row of a dataset
 * against a text) the country. A year-wide date needs the name or a participant. No merge may leave
 * an event whose accounts could not all be true of it (`EventClusters`). Undated accounts join the
 * one named event of their document; accounts that refer back ("after the coup") join the event they
 * follow in their document and are dropped when there is none. Each merge keeps its reason.
 */
export function corefEvents(accounts: readonly StoredEventMention[], entityOf: EntityLookup): EventRecord[] {
  const profiles = accounts.map((a) => profileOf(a, entityOf));
  return eventRecords(
    accounts,
    mergeAccounts(
      accounts,
      profiles,
      accounts.map((_, i) => i),
    ),
  );
}

/** Accounts (indices) merged into one event, in order, with why each after the first joined. */
export interface AccountCluster {
  members: number[];
  mergeReasons: EventRecord["mergeReasons"];
}

/**
 * The events told by the accounts at `indices` (ascending), merged among themselves only: what
 * `corefEvents` makes of them when nothing else is linked to them (see `linkedAccounts`).
 */
export function mergeAccounts(
  accounts: readonly StoredEventMention[],
  profiles: readonly AccountProfile[],
  indices: number[],
): AccountCluster[] {
  const clusters = new EventClusters(
    profiles,
    accounts.map((a) => a.event.dataset),
  );
  const own = ownDated(accounts, indices);
  joinNamed(accounts, profiles, own, clusters);
  for (const bucket of dateBuckets(profiles, own).values()) {
    for (let x = 0; x < bucket.length; x++) {
      for (let y = x + 1; y < bucket.length; y++) {
        const [i, j] = [bucket[x]!, bucket[y]!];
        if (clusters.find(i) === clusters.find(j)) continue;
        const reason = evidence(accounts[i]!, accounts[j]!, profiles[i]!, profiles[j]!);
        if (reason) clusters.join(i, j, reason);
      }
    }
  }
  attachUndated(accounts, profiles, own, clusters);
  attachReferences(accounts, profiles, indices, clusters);
  const told = new Set(indices.flatMap((i) => (accounts[i]!.event.refersBack ? [] : [clusters.find(i)])));
  const kept = indices.filter((i) => told.has(clusters.find(i)));
  return [...group(kept, (i) => String(clusters.find(i))).values()].map((members) => ({
    members,
    mergeReasons: members.flatMap((i) => {
      const reason = clusters.reasons.get(i);
      return reason ? [{ mentionId: accounts[i]!.id, reason }] : [];
    }),
  }));
}

/** The events of clusters ordered by their first account; ids that two events would share get a suffix. */
export function eventRecords(
  accounts: readonly StoredEventMention[],
  clusters: readonly AccountCluster[],
): EventRecord[] {
  const used = new Set<string>();
  return clusters.map((cluster) => {
    const record = toRecord(
      cluster.members.map((i) => accounts[i]!),
      cluster.mergeReasons,
    );
    let id = record.id;
    for (let n = 2; used.has(id); n++) id = `${record.id}-${n}`;
    used.add(id);
    return { ...record, id };
  });
}

/** Accounts that name the event alike ("14 July Revolution") are one event, unless dates or countries forbid. */
function joinNamed(
  accounts: readonly StoredEventMention[],
  profiles: readonly AccountProfile[],
  indices: number[],
  clusters: EventClusters,
): void {
  const byName = new Map<string, number[]>();
  for (const i of indices) {
    if (!accounts[i]!.event.named) continue;
    const key = `${profiles[i]!.family}|${profiles[i]!.labelKey}`;
    const earlier = byName.get(key) ?? [];
    if (!earlier.some((j) => clusters.join(j, i, `the same name, "${accounts[i]!.event.label}"`))) earlier.push(i);
    byName.set(key, earlier);
  }
}

/** Why two dated accounts tell one event, or undefined when nothing says so. */
function evidence(
  a: StoredEventMention,
  b: StoredEventMention,
  pa: AccountProfile,
  pb: AccountProfile,
): string | undefined {
  if (pa.family !== pb.family || pa.from === undefined || pb.from === undefined) return undefined;
  if (pa.to! < pb.from || pb.to! < pa.from) return undefined;
  if (pa.countries.size > 0 && pb.countries.size > 0 && ![...pa.countries].some((c) => pb.countries.has(c)))
    return undefined;
  if (a.event.dataset !== undefined && b.event.dataset !== undefined) return sameRow(a, b, pa, pb);
  const sharedActor = [...pa.actors.keys()].find((actor) => pb.actors.has(actor));
  if (sharedActor) return `${dateOverlap(a, b)}, shared participant ${pa.actors.get(sharedActor)}`;
  const wide = (p: AccountProfile) => COARSENESS[p.precision!] >= COARSENESS.year;
  if (wide(pa) || wide(pb)) return undefined;
  if (a.event.dataset !== undefined || b.event.dataset !== undefined) {
    const row = a.event.dataset !== undefined ? a : b;
    const shared = [...pa.countries].find((c) => pb.countries.has(c));
    return shared
      ? `${row.event.dataset} lists a ${row.event.type} in ${shared} on ${row.event.date!.value}`
      : undefined;
  }
  if (pa.place && pb.place && pa.place.id === pb.place.id) return `${dateOverlap(a, b)}, same place ${pa.place.name}`;
  if (pa.labelKey === pb.labelKey) return `${dateOverlap(a, b)}, both called "${a.event.label}"`;
  const country = [...pa.countries].find((c) => pb.countries.has(c));
  // A country seldom has two coups in one month; it often has two battles.
  if (
    country &&
    pa.family === "coup" &&
    COARSENESS[pa.precision!] <= COARSENESS.month &&
    COARSENESS[pb.precision!] <= COARSENESS.month
  )
    return `${dateOverlap(a, b)}, a ${a.event.type} in the same country (${country})`;
  const sharedWord = [...pa.labelWords].find((w) => pb.labelWords.has(w));
  if (sharedWord) return `${dateOverlap(a, b)}, both called "${sharedWord}"`;
  return undefined;
}

/** Rows of two datasets tell one event when they give it the same country and day. */
function sameRow(
  a: StoredEventMention,
  b: StoredEventMention,
  pa: AccountProfile,
  pb: AccountProfile,
): string | undefined {
  if (a.event.dataset === b.event.dataset || pa.precision !== "day" || pb.precision !== "day") return undefined;
  const country = [...pa.countries].find((c) => pb.countries.has(c));
  return country
    ? `${a.event.dataset} and ${b.event.dataset} list a ${a.event.type} in ${country} on ${a.event.date!.value}`
    : undefined;
}

function dateOverlap(a: StoredEventMention, b: StoredEventMention): string {
  return a.event.date!.value === b.event.date!.value
    ? `same date ${a.event.date!.value}`
    : `dates agree (${a.event.date!.value}, ${b.event.date!.value})`;
}

/**
 * An undated account ("the Party overthrew the kingdom") belongs to the one named event of its
 * family that its own document tells of ("the Iraqi Revolution of July 14, 1958"), when there is one.
 */
function attachUndated(
  accounts: readonly StoredEventMention[],
  profiles: readonly AccountProfile[],
  indices: number[],
  clusters: EventClusters,
): void {
  const namedByDocument = group(
    indices.filter((i) => accounts[i]!.event.named && accounts[i]!.event.date),
    (i) => accounts[i]!.documentId,
  );
  for (const i of indices) {
    const a = accounts[i]!;
    if (!isUndated(a)) continue;
    const named = (namedByDocument.get(a.documentId) ?? []).filter((j) => profiles[j]!.family === profiles[i]!.family);
    const events = new Set(named.map((j) => clusters.find(j)));
    if (events.size === 1)
      clusters.join(named[0]!, i, `the only ${accounts[named[0]!]!.event.type} its document names`);
  }
}

/**
 * "After the coup": an account that refers back and met no event yet joins the latest event of its
 * family told before it in its document. Those that meet none are dropped: they tell no event of their own.
 */
function attachReferences(
  accounts: readonly StoredEventMention[],
  profiles: readonly AccountProfile[],
  indices: number[],
  clusters: EventClusters,
): void {
  const byDocument = group(indices, (i) => accounts[i]!.documentId);
  for (const list of byDocument.values()) {
    for (const i of list) {
      const a = accounts[i]!;
      if (!a.event.refersBack || list.some((j) => j !== i && clusters.find(j) === clusters.find(i))) continue;
      const before = toldBefore(accounts, profiles, list, i);
      if (before !== undefined)
        clusters.join(before, i, `refers back to the ${accounts[before]!.event.type} told before it`);
    }
  }
}

function toRecord(accounts: StoredEventMention[], mergeReasons: EventRecord["mergeReasons"]): EventRecord {
  const text = accounts.filter((a) => a.event.dataset === undefined);
  const best = [...(text.length > 0 ? text : accounts)].sort(byAuthority)[0]!;
  const dated = (text.some((a) => a.event.date) ? text : accounts)
    .filter((a) => a.event.date && !a.event.refersBack)
    .sort(
      (x, y) =>
        Number(y.event.named) - Number(x.event.named) ||
        COARSENESS[x.event.date!.precision] - COARSENESS[y.event.date!.precision],
    );
  const date = dated[0]?.event.date;
  const placed = [...accounts].sort(byAuthority).find((a) => a.event.place);
  const start = date ? startOf(date.earliest, date.precision) : undefined;
  const end = date?.precision === "range" ? date.latest : undefined;
  return {
    id: `e-${createHash("sha1")
      .update(`${labelKeyOf(best.event.label)}|${date?.earliest ?? ""}`)
      .digest("hex")
      .slice(0, 12)}`,
    label: best.event.label,
    type: best.event.type,
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    ...(date ? { value: date.value, precision: date.precision } : {}),
    ...(placed?.event.place ? { place: placed.event.place.name } : {}),
    mentionIds: accounts.map((a) => a.id),
    mergeReasons,
  };
}

/** Named accounts (infobox, titles) before descriptions; then the more confident; then (a stable sort) the order given. */
function byAuthority(a: StoredEventMention, b: StoredEventMention): number {
  return Number(b.event.named) - Number(a.event.named) || b.event.confidence - a.event.confidence;
}

/** An ISO date cut to what the precision supports: "1956-10" for a month, "1957" for a year. */
export function startOf(earliest: string, precision: DatePrecision): string {
  if (precision === "day" || precision === "range") return earliest;
  if (precision === "year" || precision === "decade" || precision === "century") return earliest.slice(0, 4);
  return earliest.slice(0, 7);
}
