import { MappedTextBuilder, type OffsetMap } from "../../core/offset-map.js";

/** Replace text[start, end) by `text`; edits never overlap. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface EditedText {
  text: string;
  /** edited text offset → offset in the text before the edits. */
  map: OffsetMap;
  /** offset in the text before the edits → offset in the edited text (an edited span maps to its start). */
  toEdited(offset: number): number;
}

/** Applies sorted, non-overlapping edits, keeping the offset map both ways. */
export function applyEdits(source: string, edits: readonly TextEdit[]): EditedText {
  const builder = new MappedTextBuilder(source);
  const starts: number[] = [];
  const shifts: number[] = [];
  let at = 0;
  let shift = 0;
  for (const edit of edits) {
    builder.copy(at, edit.start);
    builder.replace(edit.text, edit.start, edit.end);
    shift += edit.text.length - (edit.end - edit.start);
    starts.push(edit.end);
    shifts.push(shift);
    at = edit.end;
  }
  builder.copy(at, source.length);
  const { text, map } = builder.build();
  const toEdited = (offset: number): number => {
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[mid]! <= offset) low = mid + 1;
      else high = mid;
    }
    const edit = edits[low];
    if (edit && offset > edit.start) return edit.start + (low > 0 ? shifts[low - 1]! : 0);
    return offset + (low > 0 ? shifts[low - 1]! : 0);
  };
  return { text, map, toEdited };
}
