/**
 * A title read from a document's text when the format gives none: an edition's numbered head
 * ("110. Telegram From the Embassy in Iraq to the Department of State"), a form's title field
 * ("TITLE: THE PRESIDENT'S INTELLIGENCE CHECKLIST"), else the first line that looks like a heading.
 * Page furniture (a classification marking, a record number, a date, a "Label: value" field) is never a title.
 */
import { normalizePlainDate } from "./dates.js";
import { collapseWhitespace } from "./strings.js";

const HEAD_LENGTH = 3000;
const MAX_TITLE_LENGTH = 120;
/** An edition's head names sender and recipient: "120. Memorandum From Harold W. Glidden of the Division …". */
const MAX_HEAD_LENGTH = 250;

interface TitleExtractor {
  readonly name: string;
  find(head: string): string | undefined;
}

/** The words a documentary edition's head starts with after its number (FRUS, British and other series). */
const DOCUMENT_TYPES =
  "editorial note|telegram|memorandum|letter|briefing notes?|despatch|dispatch|airgram|message|report|paper|" +
  "minutes|notes?|circular|instruction|intelligence|national intelligence|special national intelligence|draft|" +
  "record|diary|statement|aide-m[ée]moire|position paper|summary|transcript|cable|study|editorial";
/** "109. Editorial Note", "113. Memorandum of Conversation[Source: …", "117. Memorandum of ConversationSource: …". */
const NUMBERED_HEAD = new RegExp(
  String.raw`^\s*(\d{1,4}\.\s+(?:${DOCUMENT_TYPES})\b[^\n]{0,${MAX_HEAD_LENGTH}}?)(?=\s*\[?Source:|\s*\r?\n|\s*$)`,
  "iu",
);
const EDITORIAL_NOTE = /^\s*(\d{1,4}\.\s+Editorial Note)\b/i;

const numberedHead: TitleExtractor = {
  name: "numbered-head",
  find(head) {
    const found = EDITORIAL_NOTE.exec(head)?.[1] ?? NUMBERED_HEAD.exec(head)?.[1];
    return found === undefined ? undefined : collapseWhitespace(found);
  },
};

const TITLE_FIELD = /^[ \t*_#>|]*title[ \t*_]*:[ \t*_|]*(\S[^\n]*?)[ \t*_|]*$/im;

const formTitle: TitleExtractor = {
  name: "form-title",
  find(head) {
    const value = TITLE_FIELD.exec(head)?.[1];
    return value !== undefined && isHeadingLike(value) ? collapseWhitespace(value) : undefined;
  },
};

const CLASSIFICATION =
  /^\(?(?:top secret|secret|confidential|unclassified|restricted|limited official use|eyes only|noforn|security classification|classification)\)?[.!]?$/i;
const GENERIC =
  /^(?:document|untitled|contents|identification form|withdrawal sheet|page \d+|copy(?: no\.?)? ?\d*|doc\.? ?#? ?\d+)$/i;
/** "DATE: 11/25/1963", "AGENCY :", "JFK Assassination System Date: 3/6/2018". */
const FIELD = /^[\p{L} ]{2,40}[ \t]*:(?:[ \t]*\S|[ \t]*$)/u;
/** A head with this many "Label:" lines is a form, titled by its title field only. */
const FORM_FIELDS = 3;
const SHORT_LINE = 40;
const RECORD_NUMBER = /^[\d\W_]{4,}/u;

/** Whether a line is page furniture rather than a title. */
export function isFurniture(line: string): boolean {
  const text = collapseWhitespace(line.replace(/[*_#>|]/g, " "));
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  const digits = (text.match(/\d/g) ?? []).length;
  return (
    letters < 3 ||
    digits > letters ||
    CLASSIFICATION.test(text) ||
    GENERIC.test(text) ||
    FIELD.test(text) ||
    RECORD_NUMBER.test(text) ||
    normalizePlainDate(text.replace(/[.,;]+$/, "")) !== undefined
  );
}

/** More words than this, ending in a full stop: a sentence, not a heading. */
const SENTENCE_WORDS = 6;

function isHeadingLike(line: string): boolean {
  const text = collapseWhitespace(line);
  if (text.length < 3 || text.length > MAX_TITLE_LENGTH || /[,;:\-–]$/.test(text)) return false;
  if (/[.!?]$/.test(text) && text.split(" ").length > SENTENCE_WORDS) return false;
  return !isFurniture(text);
}

/**
 * The first line past furniture, when it stands alone (a blank line after it, or short) or is in capitals or
 * title case: a line of wrapped prose is not a heading.
 */
const firstHeadingLine: TitleExtractor = {
  name: "first-heading-line",
  find(head) {
    const lines = head.split(/\r?\n/);
    if (lines.filter((line) => FIELD.test(collapseWhitespace(line.replace(/[*_#>|]/g, " ")))).length >= FORM_FIELDS) {
      return undefined;
    }
    const at = lines.findIndex((line) => line.trim() !== "" && !isFurniture(line));
    const line = lines[at];
    if (line === undefined || !isHeadingLike(line)) return undefined;
    const next = lines[at + 1];
    const standsAlone = next === undefined || next.trim() === "" || line.trim().length <= SHORT_LINE;
    return standsAlone || isCapitalized(line) ? collapseWhitespace(line) : undefined;
  },
};

const SMALL_WORDS = /^(?:a|an|the|of|and|or|in|on|at|to|for|from|by|with|de|la|le|el|al)$/;

/** "THE PRESIDENT'S INTELLIGENCE CHECKLIST", "Report of the Hungarian Ambassador in Baghdad". */
function isCapitalized(line: string): boolean {
  const words = line.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  return words.length > 0 && words.every((word) => /^\p{Lu}/u.test(word) || SMALL_WORDS.test(word));
}

export const TITLE_EXTRACTORS: readonly TitleExtractor[] = [numberedHead, formTitle, firstHeadingLine];

export function titleFromContent(text: string): string | undefined {
  const head = text.slice(0, HEAD_LENGTH);
  for (const extractor of TITLE_EXTRACTORS) {
    const title = extractor.find(head);
    if (title !== undefined) return title;
  }
  return undefined;
}
