import { useState } from "preact/hooks";
import { getJson, useLoad } from "../api.js";
import { Await, fileName, Heading, TextFilter } from "../components.js";
import { navigate, paths, withQuery } from "../router.js";
import type { DocumentListing } from "../types.js";
import { SearchBox } from "./SearchBox.js";
import { Upload } from "./Upload.js";
import { EVERY_EXPORT, ExportLinks } from "./ExportLinks.js";

/** Documents per page of the start page. */
const PAGE = 50;

/** The start page (/?text=&offset=): search, one page of the documents and their relations, links to the other views. */
export function Home({ query }: { query: URLSearchParams }) {
  const [version, setVersion] = useState(0);
  const text = query.get("text") ?? "";
  const offset = Math.max(0, Number(query.get("offset")) || 0);
  const url = withQuery("/api/documents", { text, limit: PAGE, offset });
  const documents = useLoad(`${url}#${version}`, async (signal) => {
    const { body, headers } = await getJson<DocumentListing[]>(url, signal);
    return { list: body, total: Number(headers.get("x-total-count") ?? body.length) };
  });
  return (
    <>
      <Heading title="Home">annals</Heading>
      <p class="lede">Search the sources, read them with their names marked, and follow people and events.</p>
      <SearchBox />
      <section aria-labelledby="documents-heading">
        <h2 id="documents-heading">Documents</h2>
        <TextFilter
          title="Filter the documents"
          label="Title or file name"
          value={text}
          clearHref="/"
          onFilter={(filter) => navigate(withQuery("/", { text: filter }))}
        />
        <Await state={documents}>
          {({ list, total }) =>
            list.length === 0 ? (
              <p>{text ? "No document matches." : "No documents yet. Add some with the form below or `annals add`."}</p>
            ) : (
              <>
                <p class="muted" role="status">
                  {offset + 1}–{offset + list.length} of {total} documents
                </p>
                <ul class="cards">
                  {list.map((d) => (
                    <li key={d.id} class="card">
                      <a href={paths.document(d.id)}>{d.title || fileName(d.path)}</a>
                      <div class="muted">
                        {d.kind} · {d.format}
                        {d.date ? ` · ${d.date}` : ""} · {fileName(d.path)}
                      </div>
                      {d.derivedFrom ? (
                        <div>
                          Derived from <a href={paths.document(d.derivedFrom.id)}>{fileName(d.derivedFrom.path)}</a> (
                          <a href={withQuery("/compare", { a: d.id, b: d.derivedFrom.id })}>compare</a>)
                        </div>
                      ) : null}
                      {(d.nearDuplicates ?? []).map((n) => (
                        <div key={n.id}>
                          Near-duplicate of <a href={paths.document(n.id)}>{fileName(n.path)}</a> (
                          <a href={withQuery("/compare", { a: d.id, b: n.id })}>compare</a>)
                        </div>
                      ))}
                    </li>
                  ))}
                </ul>
                <nav class="pager" aria-label="Pages of documents">
                  {offset > 0 ? (
                    <a href={withQuery("/", { text, offset: Math.max(0, offset - PAGE) || undefined })}>Previous</a>
                  ) : null}{" "}
                  {offset + PAGE < total ? <a href={withQuery("/", { text, offset: offset + PAGE })}>Next</a> : null}
                </nav>
              </>
            )
          }
        </Await>
      </section>
      <section aria-labelledby="explore-heading">
        <h2 id="explore-heading">Explore</h2>
        <ul class="inline-list">
          <li>
            <a href="/entities">People, organizations and places</a>
          </li>
          <li>
            <a href="/timeline">Timeline of events</a>
          </li>
          <li>
            <a href="/graph">Network of actors</a>
          </li>
          <li>
            <a href="/compare">Compare sources</a>
          </li>
        </ul>
      </section>
      <section aria-labelledby="download-heading">
        <h2 id="download-heading">Download</h2>
        <ExportLinks title="The whole knowledge base" choices={EVERY_EXPORT} />
      </section>
      <section aria-labelledby="add-heading">
        <h2 id="add-heading">Add sources</h2>
        <Upload onDone={() => setVersion((v) => v + 1)} />
      </section>
    </>
  );
}
