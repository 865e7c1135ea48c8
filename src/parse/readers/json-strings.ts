/** A top-level field of a JSON object, as text, with where a string value is written (between its quotes, offsets in the line). */
export interface JsonField {
  value: string;
  raw?: { start: number; end: number };
}

/**
 * The top-level string and number fields of a line holding one JSON object, undefined when the line
 * is anything else. Strings keep where they are written, so their text can be mapped back to the file.
 */
export function topLevelFields(line: string): Map<string, JsonField> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return undefined;
  const values = parsed as Record<string, unknown>;
  const fields = new Map<string, JsonField>();
  let depth = 0;
  let expectingKey = false;
  let key: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') {
      const close = closingQuote(line, i);
      if (depth === 1 && expectingKey) {
        key = JSON.parse(line.slice(i, close + 1)) as string;
        expectingKey = false;
      } else if (depth === 1 && key !== undefined) {
        const value = values[key];
        if (typeof value === "string") fields.set(key, { value, raw: { start: i + 1, end: close } });
        key = undefined;
      }
      i = close;
    } else if (c === "{" || c === "[") {
      depth++;
      expectingKey = depth === 1;
    } else if (c === "}" || c === "]") {
      depth--;
    } else if (c === "," && depth === 1) {
      expectingKey = true;
      key = undefined;
    }
  }
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === "number" && !fields.has(name)) fields.set(name, { value: String(value) });
  }
  return fields;
}

/** The index of the quote closing the JSON string opened at `open`. */
function closingQuote(line: string, open: number): number {
  for (let i = open + 1; i < line.length; i++) {
    if (line[i] === "\\") i++;
    else if (line[i] === '"') return i;
  }
  return line.length;
}
