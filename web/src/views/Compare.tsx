import { useMemo } from "preact/hooks";
import { getJson, useLoad } from "../api.js";
import { Await, fileName, Heading, TextFilter } from "../components.js";
import { diffTokens, tokenize, type Token } from "../diff.js";
import { navigate, paths, withQuery } from "../router.js";
import type { DocumentRef, DocumentView } from "../types.js";
import { DocumentPicker } from "./DocumentPicker.js";

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

interface DocumentPair {
  a: DocumentRef;
  b: DocumentRef;
  relation: "derived-from" | "near-duplicate";
  similarity: number;
}

/** Pairs per page of the pairs list. */
const PAIRS_PAGE = 20;

/** The compare view's state in its URL: the two documents, and the pairs list's filter and page. */
interface CompareState {
  a: string;
  b: string;
  find: string;
  offset: number;
}

function compareUrl(state: CompareState): string {
  return withQuery("/compare", { ...state, offset: state.offset || undefined });
}

/** GET /api/documents/pairs, one page: derived copies and near-duplicates, most similar first. */
function Pairs({ state }: { state: CompareState }) {
  const url = withQuery("/api/documents/pairs", {
    text: state.find,
    limit: PAIRS_PAGE,
    offset: state.offset || undefined,
  });
  const pairs = useLoad(url, async (signal) => {
    const { body, headers } = await getJson<DocumentPair[]>(url, signal);
    return { list: body, total: Number(headers.get("x-total-count") ?? body.length) };
  });
  return (
    <section aria-labelledby="pairs-heading">
      <h2 id="pairs-heading">Derived copies and near-duplicates</h2>
      <TextFilter
        title="Filter the pairs"
        label="Title or file name of either"
        value={state.find}
        clearHref={compareUrl({ ...state, find: "", offset: 0 })}
        onFilter={(find) => navigate(compareUrl({ ...state, find, offset: 0 }))}
      />
      <Await state={pairs}>
        {({ list, total }) =>
          list.length === 0 ? (
            <p>
              {state.find
                ? "No pair matches."
                : "No derived copies or near-duplicates were found; choose any two documents below."}
            </p>
          ) : (
            <>
              <p class="muted" role="status">
                {state.offset + 1}–{state.offset + list.length} of {total} pairs
              </p>
              <ul class="pairs">
                {list.map((p) => (
                  <li key={`${p.a.id}-${p.b.id}`}>
                    <a
                      href={compareUrl({ ...state, a: p.a.id, b: p.b.id })}
                      aria-current={p.a.id === state.a && p.b.id === state.b ? "true" : undefined}
                    >
                      {fileName(p.a.path)} {p.relation === "derived-from" ? "derived from" : "near-duplicate of"}{" "}
                      {fileName(p.b.path)}
                    </a>{" "}
                    <span class="muted">similarity {p.similarity.toFixed(2)}</span>
                  </li>
                ))}
              </ul>
              <nav class="pager" aria-label="Pages of pairs">
                {state.offset > 0 ? (
                  <a href={compareUrl({ ...state, offset: Math.max(0, state.offset - PAIRS_PAGE) })}>Previous</a>
                ) : null}{" "}
                {state.offset + PAIRS_PAGE < total ? (
                  <a href={compareUrl({ ...state, offset: state.offset + PAIRS_PAGE })}>Next</a>
                ) : null}
              </nav>
            </>
          )
        }
      </Await>
    </section>
  );
}

const loadDocument = (id: string) => (signal: AbortSignal) =>
  getJson<DocumentView>(`/api/documents/${encodeURIComponent(id)}`, signal).then((r) => r.body);

/** /compare?a=&b=&find=&offset=: pick two documents (or a listed pair) and see them side by side with their differences. */
export function CompareView({ query }: { query: URLSearchParams }) {
  const state: CompareState = {
    a: query.get("a") ?? "",
    b: query.get("b") ?? "",
    find: query.get("find") ?? "",
    offset: Math.max(0, Number(query.get("offset")) || 0),
  };
  const left = useLoad(state.a || null, loadDocument(state.a));
  const right = useLoad(state.b || null, loadDocument(state.b));
  const chosen = (doc: DocumentView | undefined) => (doc ? doc.title || fileName(doc.path) : "none yet");
  return (
    <>
      <Heading title="Compare sources">Compare sources</Heading>
      <Pairs state={state} />
      <section aria-labelledby="choose-heading">
        <h2 id="choose-heading">Choose two documents</h2>
        <div class="pickers">
          <DocumentPicker
            id="left"
            label={`Left: ${chosen(left.data)}`}
            chosen={state.a}
            onChoose={(a) => navigate(compareUrl({ ...state, a }))}
          />
          <DocumentPicker
            id="right"
            label={`Right: ${chosen(right.data)}`}
            chosen={state.b}
            onChoose={(b) => navigate(compareUrl({ ...state, b }))}
          />
        </div>
      </section>
      {state.a && state.b ? (
        <Await state={left}>{(a) => <Await state={right}>{(b) => <SideBySide a={a} b={b} />}</Await>}</Await>
      ) : null}
    </>
  );
}
