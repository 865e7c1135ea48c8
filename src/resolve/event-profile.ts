import type { EventType } from "../annotate/events/types.js";
import type { DatePrecision } from "../annotate/dates/index.js";
import type { StoredEventMention } from "./types.js";
import { countryOfPlace, countryOfWord } from "../annotate/mentions/gazetteer/countries.js";
import { foldToken } from "../core/name-key.js";

/** Event types that can name the same happening: a coup is often called a revolution or a revolt. */
const FAMILIES: readonly (readonly EventType[])[] = [
  ["coup", "revolution", "revolt"],
  ["battle", "attack"],
];

/** What coreference compares about one account of an event. */
export interface AccountProfile {
  family: string;
  /** Days since the epoch, widened by a day for dates of day precision (sources differ by time zone). */
  from?: number;
  to?: number;
  precision?: DatePrecision;
  /** Countries the account places the event in (ISO codes): its label's ("Iraqi coup"), else its place's. */
  countries: Set<string>;
  /** Entities taking part, by id (or name when unresolved). */
  actors: Map<string, string>;
  /** The event's place, resolved. */
  place?: { id: string; name: string };
  /** Label words that identify the event ("Ar-Rashid", "Hama"), not generic ones ("coup", "1963", "Iraqi"). */
  labelWords: Set<string>;
  labelKey: string;
}

export type EntityLookup = (account: StoredEventMention, name: string, type: string) => string | undefined;

/** What links an account to those it may be compared with (see `linkedAccounts`). */
export type LinkProfile = Pick<AccountProfile, "family" | "from" | "to" | "precision" | "labelKey">;

export function linkProfileOf(account: StoredEventMention): LinkProfile {
  const event = account.event;
  return {
    family: familyOf(event.type),
    ...(event.date ? interval(event.date.earliest, event.date.latest, event.date.precision) : {}),
    labelKey: labelKeyOf(event.label),
  };
}

export function profileOf(account: StoredEventMention, entityOf: EntityLookup): AccountProfile {
  const event = account.event;
  const linking = linkProfileOf(account);
  const words = linking.labelKey.split(" ");
  const countries = new Set(words.map(countryOfWord).filter((c): c is string => c !== undefined));
  const placeName = event.place?.name;
  if (countries.size === 0 && placeName) {
    const country = countryOfPlace(placeName);
    if (country) countries.add(country);
  }
  const actors = new Map<string, string>();
  for (const p of event.participants) {
    if (p.type === "place") continue;
    actors.set(entityOf(account, p.name, p.type) ?? p.name, p.name);
  }
  const placeId = placeName ? (entityOf(account, placeName, "place") ?? placeName) : undefined;
  return {
    ...linking,
    countries,
    actors,
    ...(placeId && placeName ? { place: { id: placeId, name: placeName } } : {}),
    labelWords: new Set(
      words.filter(
        (w) => w.length > 3 && !GENERIC_LABEL_WORDS.has(w) && !isDateWord(w) && countryOfWord(w) === undefined,
      ),
    ),
  };
}

export function familyOf(type: EventType): string {
  return FAMILIES.find((family) => family.includes(type))?.[0] ?? type;
}

function interval(earliest: string, latest: string, precision: DatePrecision) {
  const slack = precision === "day" ? 1 : 0;
  return { from: dayNumber(earliest) - slack, to: dayNumber(latest) + slack, precision };
}

export function dayNumber(iso: string): number {
  const [y = "1970", m = "01", d = "01"] = iso.split("-");
  return Math.floor(Date.UTC(Number(y), Number(m) - 1, Number(d)) / 86_400_000);
}

export function labelKeyOf(label: string): string {
  return label
    .split(/[\s\-–‐]+/)
    .map(foldToken)
    .map((w) => w.replace(/[^a-z0-9]/g, ""))
    .filter((w) => w && w !== "the" && w !== "of")
    .join(" ");
}

const MONTHS = "january february march april may june july august september october november december".split(" ");

function isDateWord(word: string): boolean {
  return /^\d/.test(word) || MONTHS.includes(word);
}

const GENERIC_LABEL_WORDS = new Set(
  (
    "coup detat attempt attempted failed military army revolt revolution uprising rebellion war battle attack " +
    "offensive siege massacre crisis conflict government forces first second third operation campaign against " +
    "arrest arrested execution meeting announcement announced declared captured killed"
  ).split(" "),
);
