import { useMemo } from "preact/hooks";
import { getAll, getJson, useLoad } from "../api.js";
import { Await, fileName, Heading } from "../components.js";
import { diffTokens, tokenize, type Token } from "../diff.js";
import { navigate, paths, withQuery } from "../router.js";
import type { DocumentListing, DocumentView } from "../types.js";

interface Pair {
  a: DocumentListing;
  b: DocumentListing;
  relation: string;
  similarity: number;
}

function pairsOf(documents: DocumentListing[]): Pair[] {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const pairs: Pair[] = [];
  const seen = new Set<string>();
  for (const d of documents) {
    const related = [
      ...(d.derivedFrom ? [{ ...d.derivedFrom, relation: "derived from" }] : []),
      ...(d.nearDuplicates ?? []).map((n) => ({ ...n, relation: "near-duplicate of" })),
    ];
    for (const r of related) {
      const other = byId.get(r.id);
      const key = [d.id, r.id].sort().join(" ");
      if (!other || seen.has(key)) continue;
      seen.add(key);
      pairs.push({ a: d, b: other, relation: r.relation, similarity: r.similarity });
    }
  }
  return pairs;
}

/** A text with the words the other side lacks wrapped in <del> (left) or <ins> (right); all text nodes. */
function Marked({
  text,
  tokens,
  changed,
  tag,
}: {
  text: string;
  tokens: Token[];
  changed: boolean[];
  tag: "del" | "ins";
}) {
  const nodes = [];
  let at = 0;
  for (let i = 0; i < tokens.length;) {
    if (!changed[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length && changed[j + 1]) j++;
    const start = tokens[i]!.start;
    const end = tokens[j]!.end;
    if (start > at) nodes.push(text.slice(at, start));
    nodes.push(
      tag === "del" ? <del key={start}>{text.slice(start, end)}</del> : <ins key={start}>{text.slice(start, end)}</ins>,
    );
    at = end;
    i = j + 1;
  }
  if (at < text.length) nodes.push(text.slice(at));
  return <div class="doc-text compare-text">{nodes}</div>;
}

function SideBySide({ a, b }: { a: DocumentView; b: DocumentView }) {
  const result = useMemo(() => {
    const ta = tokenize(a.text);
    const tb = tokenize(b.text);
    const diff = diffTokens(
      ta.map((t) => t.key),
      tb.map((t) => t.key),
      3000,
    );
    return { ta, tb, diff };
  }, [a, b]);
  const { ta, tb, diff } = result;
  if (!diff) return <p role="alert">These two texts differ in too many words to align them here.</p>;
  const onlyA = diff.changedA.filter(Boolean).length;
  const onlyB = diff.changedB.filter(Boolean).length;
  return (
    <>
      <p class="muted" role="status">
        {diff.common} words in common; {onlyA} only in the left text (struck through), {onlyB} only in the right text
        (underlined). Words are compared without case or accents.
      </p>
      <div class="compare">
        <section aria-labelledby="left-heading">
          <h2 id="left-heading">
            <a href={paths.document(a.id)}>{a.title || fileName(a.path)}</a>
            <span class="muted small"> {fileName(a.path)}</span>
          </h2>
          <Marked text={a.text} tokens={ta} changed={diff.changedA} tag="del" />
        </section>
        <section aria-labelledby="right-heading">
          <h2 id="right-heading">
            <a href={paths.document(b.id)}>{b.title || fileName(b.path)}</a>
            <span class="muted small"> {fileName(b.path)}</span>
          </h2>
          <Marked text={b.text} tokens={tb} changed={diff.changedB} tag="ins" />
        </section>
      </div>
    </>
  );
}

function Chooser({ documents, a, b }: { documents: DocumentListing[]; a: string; b: string }) {
  return (
    <form
      class="toolbar"
      aria-label="Choose two documents"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget as HTMLFormElement;
        const value = (name: string) => (form.elements.namedItem(name) as HTMLSelectElement).value;
        navigate(withQuery("/compare", { a: value("a"), b: value("b") }));
      }}
    >
      {(["a", "b"] as const).map((side) => (
        <label key={side}>
          {side === "a" ? "Left" : "Right"}
          <select name={side} value={side === "a" ? a : b}>
            {documents.map((d) => (
              <option key={d.id} value={d.id}>
                {fileName(d.path)} — {d.title}
              </option>
            ))}
          </select>
        </label>
      ))}
      <button type="submit">Compare</button>
    </form>
  );
}

/** /compare?a=&b=: derived copies and near-duplicates side by side with their differences. */
export function CompareView({ query }: { query: URLSearchParams }) {
  const a = query.get("a") ?? "";
  const b = query.get("b") ?? "";
  const documents = useLoad("documents", (signal) => getAll<DocumentListing>("/api/documents?limit=1000", signal));
  const texts = useLoad(a && b ? `${a} ${b}` : null, async (signal) => {
    const [left, right] = await Promise.all([
      getJson<DocumentView>(`/api/documents/${encodeURIComponent(a)}`, signal),
      getJson<DocumentView>(`/api/documents/${encodeURIComponent(b)}`, signal),
    ]);
    return { left: left.body, right: right.body };
  });
  return (
    <>
      <Heading title="Compare sources">Compare sources</Heading>
      <Await state={documents}>
        {(list) => {
          const pairs = pairsOf(list);
          return (
            <>
              {pairs.length > 0 ? (
                <ul class="pairs">
                  {pairs.map((p) => (
                    <li key={`${p.a.id}-${p.b.id}`}>
                      <a
                        href={withQuery("/compare", { a: p.a.id, b: p.b.id })}
                        aria-current={p.a.id === a && p.b.id === b ? "true" : undefined}
                      >
                        {fileName(p.a.path)} {p.relation} {fileName(p.b.path)}
                      </a>{" "}
                      <span class="muted">similarity {p.similarity.toFixed(2)}</span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p>No derived copies or near-duplicates were found; choose any two documents.</p>
              )}
              {list.length > 1 ? <Chooser documents={list} a={a || list[0]!.id} b={b || list[1]!.id} /> : null}
            </>
          );
        }}
      </Await>
      {a && b ? <Await state={texts}>{({ left, right }) => <SideBySide a={left} b={right} />}</Await> : null}
    </>
  );
}
