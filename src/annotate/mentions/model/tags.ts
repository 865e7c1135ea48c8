export const ENTITY_TYPES = ["PER", "ORG", "LOC"] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** The tags of the annotation guide, in BIO: what data files hold and what the tagger returns. */
export const TAGS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"] as const;
export type Tag = (typeof TAGS)[number];

/**
 * The tags the model learns, in BILOU: an entity's Beginning, Inside and Last token, a Unit (one-token)
 * entity, Outside. Their indices are the columns of the model's weights.
 */
export const MODEL_TAGS = [
  "O",
  ...ENTITY_TYPES.flatMap((type) => (["B", "I", "L", "U"] as const).map((part) => `${part}-${type}` as const)),
] as const;
export type ModelTag = (typeof MODEL_TAGS)[number];
export const MODEL_TAG_COUNT = MODEL_TAGS.length;
export const OUTSIDE = 0;

export interface EntitySpan {
  /** First token of the entity. */
  startToken: number;
  /** One past the last token of the entity. */
  endToken: number;
  type: EntityType;
}

const MODEL_TAG_INDEX = new Map<string, number>(MODEL_TAGS.map((tag, index) => [tag, index]));

function modelTagIndex(tag: string): number {
  const index = MODEL_TAG_INDEX.get(tag);
  if (index === undefined) throw new Error(`unknown tag ${tag}`);
  return index;
}

function modelTagAt(index: number): ModelTag {
  const tag = MODEL_TAGS[index];
  if (tag === undefined) throw new Error(`no tag at index ${index}`);
  return tag;
}

export function typeOfTag(tag: string): EntityType | undefined {
  const type = tag.slice(2);
  return tag.length > 2 && (ENTITY_TYPES as readonly string[]).includes(type) ? (type as EntityType) : undefined;
}

/** An entity left open by a model tag: B-X and I-X need I-X or L-X next. */
const opens = (index: number): boolean => index > OUTSIDE && /^[BI]-/.test(modelTagAt(index));

/**
 * True when model tag `next` may follow `previous` (-1 at the start of a sentence) in BILOU: I-X and L-X
 * continue B-X or I-X, anything else follows a closed entity.
 */
export function allowedTransition(previous: number, next: number): boolean {
  const tag = modelTagAt(next);
  const continues = tag.startsWith("I-") || tag.startsWith("L-");
  if (!opens(previous)) return !continues;
  return continues && modelTagAt(previous).slice(2) === tag.slice(2);
}

/** True when a sentence may end on model tag `last`: no entity left open. */
export const allowedLast = (last: number): boolean => !opens(last);

/** Model tag indices (BILOU) of a sentence's guide tags (BIO, read leniently as entitySpans reads them). */
export function toModelTags(tags: readonly string[]): Int32Array {
  const model = new Int32Array(tags.length);
  for (const { startToken, endToken, type } of entitySpans(tags, tags)) {
    for (let i = startToken; i < endToken; i++) {
      const part = endToken - startToken === 1 ? "U" : i === startToken ? "B" : i === endToken - 1 ? "L" : "I";
      model[i] = modelTagIndex(`${part}-${type}`);
    }
  }
  return model;
}

/** Guide tags (BIO) of model tag indices: U-X begins an entity, L-X continues one. */
export function toGuideTagNames(model: Int32Array): Tag[] {
  return Array.from(model, (index): Tag => {
    const tag = modelTagAt(index);
    if (tag === "O") return "O";
    const type = tag.slice(2) as EntityType;
    return tag.startsWith("B-") || tag.startsWith("U-") ? `B-${type}` : `I-${type}`;
  });
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
