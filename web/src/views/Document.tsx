import { Fragment } from "preact";
import { useEffect } from "preact/hooks";
import { useJson } from "../api.js";
import { Await, fileName, Heading } from "../components.js";
import { paths, withQuery } from "../router.js";
import { segments, type Piece } from "../segments.js";
import type { DocumentView } from "../types.js";

/** "Author. “Title”. Date. Archive, citation. Translated by …. URL." from the document's own metadata. */
export function citationText(doc: DocumentView): string {
  const m = doc.metadata;
  if (m.citation) return m.citation;
  return [
    m.author,
    `“${doc.title}”`,
    m.date,
    m.archive,
    m.translator ? `Translated by ${m.translator}` : undefined,
    m.url,
    fileName(doc.path),
  ]
    .filter(Boolean)
    .join(". ");
}

function isWebUrl(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

function Metadata({ doc }: { doc: DocumentView }) {
  const rows = Object.entries(doc.metadata).filter(([, v]) => v !== undefined && v !== "");
  return (
    <dl class="metadata">
      <dt>Kind</dt>
      <dd>
        {doc.kind} ({doc.format})
      </dd>
      <dt>File</dt>
      <dd>{doc.path}</dd>
      {rows.map(([key, value]) => (
        <Fragment key={key}>
          <dt>{key}</dt>
          <dd>
            {Array.isArray(value) ? (
              value.join(", ")
            ) : key === "url" && isWebUrl(String(value)) ? (
              <a href={String(value)} rel="noopener noreferrer nofollow" target="_blank">
                {String(value)}
              </a>
            ) : (
              String(value)
            )}
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** The text as text nodes, mentions as links to their entity, the cited passage marked. */
function Text({ doc, cited }: { doc: DocumentView; cited?: { start: number; end: number } }) {
  const pieces = segments(
    doc.text,
    doc.mentions,
    doc.sections.map((s) => s.start),
    cited,
    doc.pages ?? [],
  );
  const nodes = [];
  for (let i = 0; i < pieces.length;) {
    const piece = pieces[i]!;
    const group: Piece[] = [piece];
    while (piece.mention && pieces[i + group.length]?.mention === piece.mention) group.push(pieces[i + group.length]!);
    i += group.length;
    const content = group.map((p) => {
      const text = doc.text.slice(p.start, p.end);
      const anchors = p.anchors.map((a) => <span key={`s${a}`} id={`section-${a}`} class="anchor" />);
      if (p.pageStart !== undefined)
        anchors.unshift(<PageBreak key="page" doc={doc} number={p.pageStart} {...(cited ? { cited } : {})} />);
      const body = p.cited ? (
        <mark class="cited" id={p.start === cited?.start ? "cited" : undefined}>
          {text}
        </mark>
      ) : (
        text
      );
      return (
        <Fragment key={p.start}>
          {anchors}
          {body}
        </Fragment>
      );
    });
    const mention = piece.mention;
    if (!mention) nodes.push(<Fragment key={piece.start}>{content}</Fragment>);
    else if (mention.entityId)
      nodes.push(
        <a
          key={piece.start}
          class={`mention m-${mention.type}`}
          href={paths.entity(mention.entityId)}
          title={mention.type}
        >
          {content}
        </a>,
      );
    else
      nodes.push(
        <span key={piece.start} class={`mention m-${mention.type}`}>
          {content}
        </span>,
      );
  }
  return <div class="doc-text">{nodes}</div>;
}

type Span = { start: number; end: number };
type PageOf = NonNullable<DocumentView["pages"]>[number];

/** On the scan: the cited words highlighted, and the words OCR was unsure of (under 60%) outlined. */
function WordMarks({ page, cited }: { page: PageOf; cited?: Span }) {
  const width = page.ocr?.width;
  const height = page.ocr?.height;
  if (!page.words || !width || !height) return null;
  const marks = page.words.flatMap((word) => {
    const isCited = cited !== undefined && word.start < cited.end && word.end > cited.start;
    if (!isCited && word.confidence >= LOW_CONFIDENCE) return [];
    const [left, top, w, h] = word.box;
    const style = {
      left: `${(100 * left) / width}%`,
      top: `${(100 * top) / height}%`,
      width: `${(100 * w) / width}%`,
      height: `${(100 * h) / height}%`,
    };
    return [
      <span
        key={word.start}
        class={isCited ? "word-mark cited-word" : "word-mark unsure-word"}
        style={style}
        title={`OCR confidence ${Math.round(word.confidence)}%`}
      />,
    ];
  });
  return <>{marks}</>;
}

const LOW_CONFIDENCE = 60;

/**
 * Where a page begins: its number; for an OCR'd page how sure the engine was of its words, and the
 * scan itself, shown open on the page of the cited passage.
 */
function PageBreak({ doc, number, cited }: { doc: DocumentView; number: number; cited?: Span }) {
  const page = doc.pages?.find((p) => p.number === number);
  const ocr = page?.ocr;
  const holdsCited = page !== undefined && cited !== undefined && page.start <= cited.start && cited.start < page.end;
  return (
    <span id={`page-${number}`} class="page-break anchor">
      p. {number}
      {ocr ? (
        <>
          <span class="muted">
            {" "}
            · OCR, {ocr.words} words, mean confidence {ocr.meanConfidence}%
            {ocr.lowConfidenceWords > 0 ? `, ${ocr.lowConfidenceWords} under 60%` : ""}
          </span>
          <details class="page-image" open={holdsCited}>
            <summary>page image</summary>
            <div class="page-scan">
              <img
                loading="lazy"
                src={`/api/documents/${encodeURIComponent(doc.id)}/pages/${number}/image`}
                alt={`page ${number} of ${doc.title || fileName(doc.path)} as scanned`}
              />
              <WordMarks page={page!} {...(cited ? { cited } : {})} />
            </div>
          </details>
        </>
      ) : null}
    </span>
  );
}

function parseAt(value: string | null): { start: number; end: number } | undefined {
  const found = /^(\d+)-(\d+)$/.exec(value ?? "");
  if (!found) return undefined;
  return { start: Number(found[1]), end: Number(found[2]) };
}

export function DocumentReader({ id, query }: { id: string; query: URLSearchParams }) {
  const state = useJson<DocumentView>(`/api/documents/${encodeURIComponent(id)}`);
  const cited = parseAt(query.get("at"));
  const page = query.get("page");
  useEffect(() => {
    if (state.data && cited) document.getElementById("cited")?.scrollIntoView({ block: "center" });
    else if (state.data && page) document.getElementById(`page-${page}`)?.scrollIntoView({ block: "start" });
  }, [state.data, cited?.start, page]);
  return (
    <Await state={state}>
      {(doc) => (
        <article class="reader">
          <Heading title={doc.title}>{doc.title || fileName(doc.path)}</Heading>
          <div class="reader-layout">
            <aside class="reader-side">
              {doc.sections.length > 0 ? (
                <nav aria-label="Sections">
                  <h2>Sections</h2>
                  <ol class="toc">
                    {doc.sections.map((s, i) => (
                      <li key={i} class={`level-${Math.min(s.level, 4)}`}>
                        <a href={`#section-${i}`}>{s.title}</a>
                      </li>
                    ))}
                  </ol>
                </nav>
              ) : null}
              {doc.pages && doc.pages.length > 1 ? (
                <nav aria-label="Pages">
                  <h2>Pages</h2>
                  <p class="page-links">
                    {doc.pages.map((p) => (
                      <a key={p.number} href={`#page-${p.number}`}>
                        {p.number}
                      </a>
                    ))}
                  </p>
                </nav>
              ) : null}
              <h2>About this source</h2>
              <Metadata doc={doc} />
              <h2>Cite</h2>
              <p class="cite-text">{citationText(doc)}</p>
              {doc.derivedFrom ? (
                <p>
                  Derived from{" "}
                  <a href={paths.document(doc.derivedFrom.id)}>
                    {doc.derivedFrom.title ?? fileName(doc.derivedFrom.path)}
                  </a>{" "}
                  (similarity {doc.derivedFrom.similarity.toFixed(2)},{" "}
                  <a href={withQuery("/compare", { a: doc.id, b: doc.derivedFrom.id })}>compare</a>)
                </p>
              ) : null}
              {(doc.nearDuplicates ?? []).map((n) => (
                <p key={n.id}>
                  Near-duplicate of <a href={paths.document(n.id)}>{n.title ?? fileName(n.path)}</a> (
                  <a href={withQuery("/compare", { a: doc.id, b: n.id })}>compare</a>)
                </p>
              ))}
              {doc.infobox.length > 0 ? (
                <>
                  <h2>Infobox</h2>
                  <table class="infobox">
                    <tbody>
                      {doc.infobox.map((field, i) => (
                        <tr key={i}>
                          <th scope="row">{field.key}</th>
                          <td>{field.values.map((v) => v.text).join("; ")}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </>
              ) : null}
              <p class="legend">
                <span class="mention m-person">person</span> <span class="mention m-organization">organization</span>{" "}
                <span class="mention m-place">place</span>
              </p>
            </aside>
            <Text doc={doc} {...(cited ? { cited } : {})} />
          </div>
        </article>
      )}
    </Await>
  );
}
