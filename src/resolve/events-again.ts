import type { EventMerge, EventRecord, StoredEventMention } from "./types.js";
import { linkedAccounts } from "./event-links.js";
import { linkProfileOf, profileOf, type EntityLookup } from "./event-profile.js";
import { eventRecords, mergeAccounts, type AccountCluster } from "./events.js";

export interface EventsAgain {
  /** As `corefEvents` makes them from all the accounts. */
  events: EventRecord[];
  /** Ids of the stored events that are among `events` as they were stored. */
  kept: Set<string>;
  /** How many accounts were merged again. */
  merged: number;
}

/**
 * `corefEvents` of the accounts, knowing the events the last corpus stage merged (`stored`) and
 * which accounts changed since (new, or naming a name whose entity changed): only the linked sets
 * (`linkedAccounts`) holding a changed account are merged again, the others keep their stored
 * events. Undefined when a stored event holds an account that no longer exists.
 */
export function corefEventsAgain(
  accounts: readonly StoredEventMention[],
  entityOf: EntityLookup,
  stored: readonly EventMerge[],
  changed: (account: StoredEventMention) => boolean,
): EventsAgain | undefined {
  const links = accounts.map(linkProfileOf);
  const sets = linkedAccounts(accounts, links);
  const dirty = new Set<number>();
  accounts.forEach((a, i) => {
    if (changed(a)) dirty.add(sets.find(i));
  });
  const indexOf = new Map(accounts.map((a, i) => [a.id, i]));
  const clusters: AccountCluster[] = [];
  const storedIdOf = new Map<number, string>();
  for (const event of stored) {
    const members = event.mentionIds.map((id) => indexOf.get(id));
    if (members.some((i) => i === undefined)) return undefined;
    const first = members[0]!;
    if (dirty.has(sets.find(first))) continue;
    clusters.push({ members: members as number[], mergeReasons: event.mergeReasons });
    storedIdOf.set(first, event.id);
  }
  const again = accounts.flatMap((_, i) => (dirty.has(sets.find(i)) ? [i] : []));
  // The accounts not merged again are never compared: what links them is all their profile needs.
  const profiles = links.map((link, i) =>
    dirty.has(sets.find(i))
      ? profileOf(accounts[i]!, entityOf)
      : { ...link, countries: new Set<string>(), actors: new Map<string, string>(), labelWords: new Set<string>() },
  );
  clusters.push(...mergeAccounts(accounts, profiles, again));
  clusters.sort((a, b) => a.members[0]! - b.members[0]!);
  const events = eventRecords(accounts, clusters);
  const kept = new Set(events.filter((e, n) => storedIdOf.get(clusters[n]!.members[0]!) === e.id).map((e) => e.id));
  return { events, kept, merged: again.length };
}
