export const ENTITY_TYPES = ["PER", "ORG", "LOC"] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const TAGS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"] as const;
export type Tag = (typeof TAGS)[number];
export const TAG_COUNT = TAGS.length;
export const OUTSIDE = 0;

export interface EntitySpan {
  /** First token of the entity. */
  startToken: number;
  /** One past the last token of the entity. */
  endToken: number;
  type: EntityType;
}

const TAG_INDEX = new Map<string, number>(TAGS.map((tag, index) => [tag, index]));

export function tagIndex(tag: string): number {
  const index = TAG_INDEX.get(tag);
  if (index === undefined) throw new Error(`unknown tag ${tag}`);
  return index;
}

export function tagAt(index: number): Tag {
  const tag = TAGS[index];
  if (tag === undefined) throw new Error(`no tag at index ${index}`);
  return tag;
}

export function typeOfTag(tag: string): EntityType | undefined {
  const type = tag.slice(2);
  return tag.length > 2 && (ENTITY_TYPES as readonly string[]).includes(type) ? (type as EntityType) : undefined;
}

/** True when `next` may follow `previous` in BIO: I-X only continues B-X or I-X. */
export function allowedTransition(previous: number, next: number): boolean {
  const tag = tagAt(next);
  if (!tag.startsWith("I-")) return true;
  return previous !== OUTSIDE && previous >= 0 && tagAt(previous).slice(2) === tag.slice(2);
}

/**
 * Entity spans of a BIO sequence. Lenient like conlleval: an I-X that does not continue an X
 * entity starts a new one, so IO-encoded data (WikiGold) reads correctly too.
 */
export function entitySpans(tokens: readonly string[], tags: readonly string[]): EntitySpan[] {
  const spans: EntitySpan[] = [];
  let open: EntitySpan | undefined;
  const length = Math.min(tokens.length, tags.length);
  for (let i = 0; i < length; i++) {
    const tag = tags[i] ?? "O";
    const type = typeOfTag(tag);
    if (open !== undefined && type === open.type && tag.startsWith("I-")) {
      open.endToken = i + 1;
      continue;
    }
    if (open) spans.push(open);
    open = type ? { startToken: i, endToken: i + 1, type } : undefined;
  }
  if (open) spans.push(open);
  return spans;
}

/** BIO tags for spans over `length` tokens. */
export function spansToTags(length: number, spans: readonly EntitySpan[]): Tag[] {
  const tags: Tag[] = new Array<Tag>(length).fill("O");
  for (const span of spans) {
    for (let i = span.startToken; i < span.endToken; i++) {
      tags[i] = `${i === span.startToken ? "B" : "I"}-${span.type}`;
    }
  }
  return tags;
}
