import { createHash } from "node:crypto";
import type { EventMention, EventType } from "../annotate/events/types.js";
import { COARSENESS } from "../annotate/events/event-dates.js";
import type { DatePrecision } from "../annotate/dates/index.js";
import type { EventRecord, StoredEventMention } from "../store/knowledge.js";
import { foldToken } from "./name-key.js";
import { UnionFind } from "./union-find.js";

/** Event types that can name the same happening: a coup is often called a revolution or a revolt. */
const FAMILIES: readonly (readonly EventType[])[] = [
  ["coup", "revolution", "revolt"],
  ["war", "battle", "attack"],
];

/**
 * Accounts of events → events. Two accounts are one event when they carry the same name, or when
 * their types are of one family and their dates agree: the same day, or a coarser date containing a
 * finer one together with a shared actor or a shared word of their labels.
 */
export function corefEvents(
  accounts: readonly StoredEventMention[],
  entityOf: (account: StoredEventMention, name: string) => string | undefined,
): EventRecord[] {
  const sets = new UnionFind(accounts.length);
  const labels = accounts.map((a) => labelKey(a.event.label));
  const actors = accounts.map((a) => new Set(a.event.participants.map((p) => entityOf(a, p.name) ?? p.name)));
  const byName = new Map<string, number>();
  accounts.forEach((account, i) => {
    if (!account.event.named) return;
    const first = byName.get(labels[i]!);
    if (first === undefined) byName.set(labels[i]!, i);
    else sets.union(first, i);
  });
  for (const bucket of dateBuckets(accounts).values()) {
    for (let x = 0; x < bucket.length; x++) {
      for (let y = x + 1; y < bucket.length; y++) {
        const i = bucket[x]!;
        const j = bucket[y]!;
        if (sets.find(i) === sets.find(j)) continue;
        if (sameEvent(accounts[i]!.event, accounts[j]!.event, labels[i]!, labels[j]!, actors[i]!, actors[j]!))
          sets.union(i, j);
      }
    }
  }
  attachUndated(accounts, sets);
  const clusters = new Map<number, number[]>();
  accounts.forEach((_, i) => {
    const root = sets.find(i);
    const list = clusters.get(root);
    if (list) list.push(i);
    else clusters.set(root, [i]);
  });
  const used = new Set<string>();
  return [...clusters.values()].map((members) => {
    const record = toRecord(members.map((i) => accounts[i]!));
    let id = record.id;
    for (let n = 2; used.has(id); n++) id = `${record.id}-${n}`;
    used.add(id);
    return { ...record, id };
  });
}

/**
 * An undated account ("the Party overthrew the kingdom") belongs to the one named event of its
 * family that its own document tells of ("the Iraqi Revolution of July 14, 1958"), when there is one.
 */
function attachUndated(accounts: readonly StoredEventMention[], sets: UnionFind): void {
  const namedByDocument = new Map<string, number[]>();
  accounts.forEach((a, i) => {
    if (!a.event.named || !a.event.date) return;
    namedByDocument.set(a.documentId, [...(namedByDocument.get(a.documentId) ?? []), i]);
  });
  accounts.forEach((a, i) => {
    if (a.event.date || a.event.named) return;
    const named = (namedByDocument.get(a.documentId) ?? []).filter((j) =>
      compatibleTypes(a.event.type, accounts[j]!.event.type),
    );
    const events = new Set(named.map((j) => sets.find(j)));
    if (events.size === 1) sets.union(named[0]!, i);
  });
}

function sameEvent(
  a: EventMention,
  b: EventMention,
  labelA: string,
  labelB: string,
  actorsA: Set<string>,
  actorsB: Set<string>,
): boolean {
  if (!compatibleTypes(a.type, b.type) || !a.date || !b.date) return false;
  if ((a.dataset !== undefined || b.dataset !== undefined) && !datasetRowsMayMeet(a, b)) return false;
  if (a.date.latest < b.date.earliest || b.date.latest < a.date.earliest) return false;
  const bothDays = a.date.precision === "day" && b.date.precision === "day";
  if (bothDays) return a.date.earliest === b.date.earliest;
  const sharedActor = [...actorsA].some((actor) => actorsB.has(actor));
  const labelWordsA = new Set(labelA.split(" ").filter((w) => w.length > 3));
  const sharedWord = labelB.split(" ").some((w) => labelWordsA.has(w) && !GENERIC_LABEL_WORDS.has(w));
  const contained =
    (a.date.earliest <= b.date.earliest && b.date.latest <= a.date.latest) ||
    (b.date.earliest <= a.date.earliest && a.date.latest <= b.date.latest);
  return contained && (sharedActor || sharedWord || a.type === b.type);
}

/**
 * A dataset row is never the same event as another row of its dataset, and meets another account
 * only where that account names the row's country (as place, or in its label: "Iraqi coup").
 */
function datasetRowsMayMeet(a: EventMention, b: EventMention): boolean {
  if (a.dataset === b.dataset) return false;
  const [row, other] = a.dataset !== undefined ? [a, b] : [b, a];
  const country = row.place?.name.toLowerCase();
  if (!country) return false;
  if (other.dataset !== undefined) return other.place?.name.toLowerCase() === country;
  return [other.place?.name ?? "", other.label].some((text) => text.toLowerCase().includes(country));
}

const GENERIC_LABEL_WORDS = new Set([
  "coup",
  "revolt",
  "revolution",
  "uprising",
  "attempt",
  "military",
  "army",
  "iraqi",
  "syrian",
]);

function compatibleTypes(a: EventType, b: EventType): boolean {
  return a === b || FAMILIES.some((family) => family.includes(a) && family.includes(b));
}

/** Accounts grouped by each month their date touches, so only plausible pairs are compared. */
function dateBuckets(accounts: readonly StoredEventMention[]): Map<string, number[]> {
  const buckets = new Map<string, number[]>();
  accounts.forEach((account, i) => {
    const date = account.event.date;
    if (!date) return;
    for (const month of monthsBetween(date.earliest, date.latest, 24)) {
      const list = buckets.get(month);
      if (list) list.push(i);
      else buckets.set(month, [i]);
    }
  });
  return buckets;
}

function monthsBetween(earliest: string, latest: string, cap: number): string[] {
  const months: string[] = [];
  let year = Number(earliest.slice(0, 4));
  let month = Number(earliest.slice(5, 7));
  const end = latest.slice(0, 7);
  while (months.length < cap) {
    const key = `${year}-${String(month).padStart(2, "0")}`;
    months.push(key);
    if (key >= end) break;
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return months;
}

function toRecord(accounts: StoredEventMention[]): EventRecord {
  const best = [...accounts].sort(byAuthority)[0]!;
  const dated = accounts
    .filter((a) => a.event.date)
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
      .update(`${labelKey(best.event.label)}|${date?.earliest ?? ""}`)
      .digest("hex")
      .slice(0, 12)}`,
    label: best.event.label,
    type: best.event.type,
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    ...(date ? { value: date.value, precision: date.precision } : {}),
    ...(placed?.event.place ? { place: placed.event.place.name } : {}),
    mentionIds: accounts.map((a) => a.id),
  };
}

/** Named accounts (infobox, titles) before descriptions; then the more confident. */
function byAuthority(a: StoredEventMention, b: StoredEventMention): number {
  return Number(b.event.named) - Number(a.event.named) || b.event.confidence - a.event.confidence || a.id - b.id;
}

/** An ISO date cut to what the precision supports: "1956-10" for a month, "1957" for a year. */
export function startOf(earliest: string, precision: DatePrecision): string {
  if (precision === "day" || precision === "range") return earliest;
  if (precision === "year" || precision === "decade" || precision === "century") return earliest.slice(0, 4);
  return earliest.slice(0, 7);
}

function labelKey(label: string): string {
  return label
    .split(/[\s\-–‐]+/)
    .map(foldToken)
    .filter((w) => w && w !== "the")
    .join(" ");
}
