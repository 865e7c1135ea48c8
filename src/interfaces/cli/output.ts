/** Machine-readable output goes to stdout as one JSON document; everything else to stderr. */
export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + "\n");
}

export function printLine(line = ""): void {
  process.stdout.write(line + "\n");
}

const useColor = process.stdout.isTTY && !process.env["NO_COLOR"];

export function bold(text: string): string {
  return useColor ? `\x1b[1m${text}\x1b[22m` : text;
}

export function dim(text: string): string {
  return useColor ? `\x1b[2m${text}\x1b[22m` : text;
}

/** Turns a snippet's <mark> highlights into bold (or [brackets] without colour) and unescapes HTML. */
export function terminalSnippet(snippet: string): string {
  const marked = snippet.replace(/<mark>(.*?)<\/mark>/g, (_, word: string) => (useColor ? bold(word) : `[${word}]`));
  return marked
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Where a quote is: `path:120–180`, or `path, p. 3, 120–180` for documents with pages. */
export function citationPlace(citation: {
  document: { path: string };
  start: number;
  end: number;
  page?: number;
}): string {
  const span = `${citation.start}–${citation.end}`;
  return citation.page === undefined
    ? `${citation.document.path}:${span}`
    : `${citation.document.path}, p. ${citation.page}, ${span}`;
}
