import type { Item } from "../events/sentence-view.js";
import { is, isPossessive, wordSet } from "../events/sentence-view.js";
import { endAfter, endBefore, GROUPS, PEOPLE, quoteOf, relation } from "./ends.js";
import type { RelationPattern } from "./pattern.js";
import type { RelationMention, RelationType } from "./types.js";

const TITLE_TYPES: Record<string, RelationType> = {
  leader: "led",
  leaders: "led",
  head: "led",
  chief: "led",
  chairman: "led",
  secretary: "led",
  commander: "commanded",
  "commander-in-chief": "commanded",
  member: "member-of",
  members: "member-of",
  deputy: "deputy-of",
};
/** Words allowed between a person and a title describing them: "X, who saw himself as the leader of", "X was a member of". */
const TITLE_GAP = wordSet(
  "the a an was were is are wa as who saw himself herself had been former then one also general",
);

function isPresent<T>(value: T | undefined): value is T {
  return value !== undefined;
}

/** The person a title describes, just before it across allowed words ("X, who saw himself as the leader of"). */
function holderBefore(items: readonly Item[], title: number): number | undefined {
  for (let i = title - 1; i >= 0 && i >= title - 8; i--) {
    const item = items[i]!;
    if (item.mention?.type === "person") return i;
    if (item.mention || (!item.punctuation && !is(item, TITLE_GAP))) break;
  }
  return undefined;
}

/** The person named in parentheses after a title's object: "the leader of the National Democratic Party (Chaderchi)". */
function holderAfter(items: readonly Item[], object: number): number | undefined {
  return items[object + 1]?.lower === "(" && items[object + 2]?.mention?.type === "person" ? object + 2 : undefined;
}

/** "X, the leader of Y", "X was a member of Y", "Qasim as the commander of the 19th Brigade and the 20th Brigade". */
export const titlePattern: RelationPattern = {
  name: "title-apposition",
  anchors: new Set(Object.keys(TITLE_TYPES)),
  cues: new Set([...Object.keys(TITLE_TYPES), "leader", "member"]),
  match(context, unit, at) {
    const { items } = unit;
    const type = TITLE_TYPES[items[at]!.lower]!;
    let of = at + 1;
    if (items[of]?.lower === "general") of++;
    const hasOf = items[of]?.lower === "of" || items[of]?.lower === "to";
    if (!hasOf && !context.caseless) return [];
    const targetTypes = type === "deputy-of" ? PEOPLE : GROUPS;
    const first = endAfter(items, hasOf ? of : at, 2, targetTypes);
    if (first === undefined) return [];
    const targets = [first];
    // A second object: "… of the 19th Brigade and the 20th Brigade"; a body inside it: "… Committee of the Communist Party".
    const joiner = items[first + 1]?.lower;
    if (joiner === "and" || (type === "member-of" && (joiner === "of" || context.caseless))) {
      const next = endAfter(items, first, 2, targetTypes);
      if (next !== undefined) targets.push(next);
    }
    const before = holderBefore(items, at);
    const last = targets[targets.length - 1]!;
    const after = before === undefined ? holderAfter(items, last) : undefined;
    const holder = before ?? after;
    if (holder === undefined) return [];
    const quote = quoteOf(unit, at);
    return (after === undefined ? targets : [last])
      .map((target) => relation(type, items[holder]!, items[target]!, quote, "title-apposition", 0.7))
      .filter(isPresent);
  },
};

const BETWEEN_DEPUTY = wordSet("former then first one");

/** "Qasim's deputy was Colonel Arif", "Abdul-Karim Qasim's former deputy Abdul Salam Arif". */
export const deputyPattern: RelationPattern = {
  name: "deputy",
  anchors: wordSet("deputy"),
  match(context, unit, at) {
    const { items } = unit;
    let chief = at - 1;
    while (chief >= 0 && is(items[chief], BETWEEN_DEPUTY)) chief--;
    if (items[chief]?.lower === "'s" || items[chief]?.lower === "’s") chief--;
    if (items[chief]?.mention?.type !== "person" || !isPossessive(items, chief, context.text)) return [];
    const deputy = endAfter(items, at, 2, PEOPLE);
    if (deputy === undefined) return [];
    const found = relation("deputy-of", items[deputy]!, items[chief]!, quoteOf(unit, at), "deputy", 0.8);
    return found ? [found] : [];
  },
};

/** "Abdul Salam Arif, his brother, Brigade General Abdul Rahman Arif", "X's brother Y", "Y, brother of X". */
export const siblingPattern: RelationPattern = {
  name: "sibling",
  anchors: wordSet("brother sister"),
  match(context, unit, at) {
    const { items } = unit;
    const quote = quoteOf(unit, at);
    const before = items[at - 1]?.lower;
    let known: number | undefined;
    let other: number | undefined;
    if (before === "his" || before === "her") {
      known = endBefore(items, at - 1, 0, PEOPLE);
      other = endAfter(items, at, 3, PEOPLE);
    } else if (items[at + 1]?.lower === "of") {
      known = endAfter(items, at + 1, 1, PEOPLE);
      other = endBefore(items, at, 1, PEOPLE);
    } else {
      const owner = at - (items[at - 1]?.lower === "'s" || items[at - 1]?.lower === "’s" ? 2 : 1);
      if (items[owner]?.mention?.type === "person" && isPossessive(items, owner, context.text)) known = owner;
      other = endAfter(items, at, 1, PEOPLE);
    }
    if (known === undefined || other === undefined) return [];
    const found = relation("sibling-of", items[other]!, items[known]!, quote, "sibling", 0.8);
    return found ? [found] : [];
  },
};

/** "prominent Ba'athist general Ahmed Hassan al-Bakr": a party adjective before a person's name. */
export function affiliations(
  unit: { items: readonly Item[] },
  quoteAt: (at: number) => RelationMention["quote"],
): RelationMention[] {
  const { items } = unit;
  const out: RelationMention[] = [];
  items.forEach((item, i) => {
    if (item.mention?.type !== "group") return;
    const next = items[i + 1];
    const person =
      next?.mention?.type === "person"
        ? i + 1
        : !next?.mention && !next?.punctuation && items[i + 2]?.mention?.type === "person"
          ? i + 2
          : undefined;
    if (person === undefined) return;
    const found = relation("affiliated-with", items[person]!, item, quoteAt(i), "affiliation", 0.6);
    if (found) out.push(found);
  });
  return out;
}
