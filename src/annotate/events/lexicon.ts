import type { EventType } from "./types.js";

/** What a trigger word says happened, before its arguments refine the type. */
export type TriggerKind =
  | "conflict"
  | "overthrow"
  | "seize"
  | "arrest"
  | "execute"
  | "exile"
  | "order"
  | "form"
  | "attack"
  | "announce"
  | "meeting"
  | "arming"
  | "appoint";

export interface TriggerWord {
  kind: TriggerKind;
  type: EventType;
  /** Read as a verb unless a determiner or "of" says it is a noun. */
  verb: boolean;
}

/** [kind, type, verb, words]: surface forms and lemmas, since the lemmatizer leaves many forms alone. */
const ENTRIES: readonly [TriggerKind, EventType, boolean, string][] = [
  ["conflict", "coup", false, "coup coups putsch"],
  ["conflict", "revolt", false, "revolt revolts uprising uprisings rebellion rebellions insurrection mutiny"],
  ["conflict", "revolt", true, "revolted rebelled"],
  ["conflict", "revolution", false, "revolution revolutions"],
  ["overthrow", "coup", true, "overthrow overthrows overthrew overthrown overthrowing oust ousted ousting"],
  ["overthrow", "coup", true, "topple toppled toppling depose deposed deposing removed"],
  ["seize", "attack", true, "seize seizes seized seizing capture captured capturing control power"],
  ["seize", "attack", false, "seizure"],
  ["arrest", "arrest", true, "arrest arrested arresting detain detained detaining imprison imprisoned"],
  ["execute", "execution", true, "execute executes executed executing hanged"],
  ["execute", "execution", false, "execution executions"],
  ["exile", "exile", true, "exile exiled deport deported banish banished expel expelled flown"],
  ["exile", "exile", false, "deportation"],
  ["order", "order", true, "order ordered ordering command commanded orders"],
  ["form", "formation", true, "form formed forming establish established founded"],
  ["form", "formation", false, "formation establishment founding"],
  ["attack", "attack", true, "bomb bombed bombard bombarded strafe strafed shelled raided suppress suppressed"],
  ["attack", "attack", true, "massacred"],
  ["attack", "attack", false, "bombing bombings bombardment strafing shelling airstrike airstrikes massacre massacres"],
  ["announce", "announcement", true, "announce announced announces declare declared proclaim proclaimed"],
  ["announce", "announcement", false, "announcement declaration proclamation"],
  ["meeting", "meeting", false, "meeting meetings conference summit"],
  ["meeting", "meeting", true, "met"],
  ["arming", "other", false, "arming"],
  ["appoint", "appointment", true, "appoint appointed named instituted"],
  ["appoint", "appointment", false, "appointment"],
];

export const TRIGGERS: ReadonlyMap<string, TriggerWord> = new Map(
  ENTRIES.flatMap(([kind, type, verb, words]) =>
    words.split(" ").map((word) => [word, { kind, type, verb }] as [string, TriggerWord]),
  ),
);

/** Kinds that happen during a larger event and, told right after it, belong to it. */
export const ACTION_KINDS: ReadonlySet<TriggerKind> = new Set(["seize", "attack", "arrest", "execute"]);

/** Base forms a lemmatizer may give for an inflected word: "raided" → "raid", "seized" → "seize", "rebelled" → "rebel". */
function baseForms(word: string): string[] {
  const doubled = (stem: string): string[] => (stem.at(-1) === stem.at(-2) ? [stem.slice(0, -1)] : []);
  if (word.endsWith("ed")) return [word.slice(0, -2), word.slice(0, -1), ...doubled(word.slice(0, -2))];
  if (word.endsWith("ing")) return [word.slice(0, -3), `${word.slice(0, -3)}e`, ...doubled(word.slice(0, -3))];
  if (word.endsWith("s")) return [word.slice(0, -1)];
  return [];
}

/** Lemmas that may be a trigger word: a cheap test of a sentence before its words are looked at. */
export const TRIGGER_LEMMAS: ReadonlySet<string> = new Set([
  ...TRIGGERS.keys(),
  ...[...TRIGGERS.keys()].flatMap(baseForms),
  ...["fly", "name", "meet", "hang"],
]);
