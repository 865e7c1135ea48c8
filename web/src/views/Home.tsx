import { useState } from "preact/hooks";
import { getJson, upload, useLoad, ApiError } from "../api.js";
import { Await, fileName, Heading } from "../components.js";
import { navigate, paths, withQuery } from "../router.js";
import type { DocumentListing, IngestReport } from "../types.js";
import { SearchBox } from "./SearchBox.js";

function Upload({ onDone }: { onDone: () => void }) {
  const [status, setStatus] = useState<string>("");
  const [needsToken, setNeedsToken] = useState(false);
  const [token, setToken] = useState("");
  return (
    <form
      class="upload"
      onSubmit={async (event) => {
        event.preventDefault();
        const input = (event.currentTarget as HTMLFormElement).elements.namedItem("file") as HTMLInputElement;
        const file = input.files?.[0];
        if (!file) return;
        setStatus(`Adding ${file.name}…`);
        try {
          const report = (await upload(file, token || undefined)) as IngestReport;
          if (report.failed.length > 0) setStatus(`${file.name} failed: ${report.failed[0]!.error}`);
          else
            setStatus(
              `${file.name}: ${report.added ? "added" : report.updated ? "updated" : "unchanged"}; ${report.documents} documents.`,
            );
          onDone();
        } catch (error) {
          if (error instanceof ApiError && error.status === 401) setNeedsToken(true);
          setStatus(error instanceof Error ? error.message : String(error));
        }
      }}
    >
      <label for="file">Add a source</label>
      <input id="file" name="file" type="file" required />
      {needsToken ? (
        <>
          <label for="token">Token</label>
          <input
            id="token"
            type="password"
            value={token}
            onInput={(e) => setToken((e.target as HTMLInputElement).value)}
          />
        </>
      ) : null}
      <button type="submit">Add</button>
      <p role="status" class="muted">
        {status}
      </p>
    </form>
  );
}

/** Documents per page of the start page. */
const PAGE = 50;

function DocumentFilter({ text }: { text: string }) {
  return (
    <form
      class="toolbar filters"
      role="search"
      aria-label="Filter the documents"
      onSubmit={(event) => {
        event.preventDefault();
        const input = (event.currentTarget as HTMLFormElement).elements.namedItem("text") as HTMLInputElement;
        navigate(withQuery("/", { text: input.value.trim() }));
      }}
    >
      <label>
        Title or file name
        <input name="text" type="search" value={text} />
      </label>
      <button type="submit">Filter</button>
      {text ? <a href="/">Clear</a> : null}
    </form>
  );
}

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
        <DocumentFilter text={text} />
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
      <section aria-labelledby="add-heading">
        <h2 id="add-heading">Add a source</h2>
        <Upload onDone={() => setVersion((v) => v + 1)} />
      </section>
    </>
  );
}
