/**
 * Common English words: a capitalised one is mostly sentence-initial or part of a heading, seldom
 * a name by itself. The list is the one the tagger was trained with (compromise's lexicon, stored
 * in the model file), plus stop words and calendar words.
 */
import { loadNerModel } from "../model/index.js";

const STOP_WORDS =
  "a an the and or but nor so yet if then than that this these those there here where when while whilst " +
  "who whom whose which what why how however although though because since until unless after before " +
  "during within without about above below under over into onto upon from with by for of on in at to as " +
  "is are was were be been being have has had do does did will would shall should can could may might must " +
  "it its he him his she her hers they them their theirs we us our ours you your yours i me my mine " +
  "not no yes all any both each every few many more most much other some such only own same also even " +
  "eventually finally meanwhile moreover furthermore nevertheless instead still thus therefore hence " +
  "together whereas despite according later earlier today tomorrow yesterday " +
  "january february march april may june july august september october november december " +
  "monday tuesday wednesday thursday friday saturday sunday";

let words: ReadonlySet<string> | undefined;

function commonWords(): ReadonlySet<string> {
  if (!words) {
    const lists = loadNerModel().wordLists;
    words = new Set([...STOP_WORDS.split(" "), ...(lists?.common ?? [])]);
  }
  return words;
}

/** True for a common English word, given lower case; plurals in -s count as their singular. */
export function isCommonWord(lower: string): boolean {
  const set = commonWords();
  if (set.has(lower)) return true;
  return lower.length > 3 && lower.endsWith("s") && set.has(lower.slice(0, -1));
}

export function isStopWord(lower: string): boolean {
  return STOP_SET.has(lower);
}

const STOP_SET: ReadonlySet<string> = new Set(STOP_WORDS.split(" "));
