import { useEffect, useState } from "preact/hooks";
import { getJson, useJson, useLoad } from "../api.js";
import { Await, CitationView, fileName, Heading, onListKeys, TypeBadge } from "../components.js";
import { formatDate } from "../dates.js";
import { paths, withQuery } from "../router.js";
import { ENTITY_TYPES, type Citation, type EntityPage, type EntitySummary } from "../types.js";
import { EntityCorrections, RejectButton } from "./Corrections.js";
import { ExportLinks, ENTITY_EXPORTS } from "./ExportLinks.js";

const PAGE = 50;

/** /entities?type=&offset=: people, organizations and places, most mentioned first as the API orders them. */
export function EntityList({ query }: { query: URLSearchParams }) {
  const type = query.get("type") ?? "";
  const offset = Math.max(0, Number(query.get("offset")) || 0);
  const url = withQuery("/api/entities", { type, limit: PAGE, offset: offset || undefined });
  const state = useLoad(url, async (signal) => {
    const { body, headers } = await getJson<EntitySummary[]>(url, signal);
    return { items: body, more: /rel="next"/.test(headers.get("link") ?? "") };
  });
  return (
    <>
      <Heading title="Entities">People, organizations and places</Heading>
      <ExportLinks title="Download every entity" choices={ENTITY_EXPORTS} />
      <div class="toolbar" role="group" aria-label="Entity type">
        {["", ...ENTITY_TYPES].map((t) => (
          <a
            key={t}
            class="chip"
            href={withQuery("/entities", { type: t })}
            aria-current={t === type ? "true" : undefined}
          >
            {t || "all"}
          </a>
        ))}
      </div>
      <Await state={state}>
        {({ items, more }) => (
          <>
            <ul class="entity-list" onKeyDown={onListKeys}>
              {items.map((e) => (
                <li key={e.id}>
                  <TypeBadge type={e.type} />{" "}
                  <a data-item href={paths.entity(e.id)}>
                    {e.name}
                  </a>{" "}
                  <span class="muted">
                    {e.mentions} mentions in {e.documentCount} document{e.documentCount === 1 ? "" : "s"}
                    {e.aliases.length > 1 ? ` · ${e.aliases.filter((a) => a !== e.name).join(", ")}` : ""}
                  </span>
                </li>
              ))}
            </ul>
            <nav class="pager" aria-label="Pages">
              {offset > 0 ? (
                <a href={withQuery("/entities", { type, offset: Math.max(0, offset - PAGE) || undefined })}>
                  ← Previous
                </a>
              ) : null}
              {more ? <a href={withQuery("/entities", { type, offset: offset + PAGE })}>Next →</a> : null}
            </nav>
          </>
        )}
      </Await>
    </>
  );
}

/** Mentions come this many at a time: the first page with the entity, the others on demand. */
const MENTIONS_PAGE = 50;

/** /entities/:id: aliases with counts, roles, events, related actors, its mentions with their quotes. */
export function EntityView({ id }: { id: string }) {
  const url = `/api/entities/${encodeURIComponent(id)}`;
  const state = useJson<EntityPage>(withQuery(url, { mentionsLimit: MENTIONS_PAGE }));
  const [more, setMore] = useState<{ mentions: Citation[]; done: boolean }>({ mentions: [], done: false });
  useEffect(() => setMore({ mentions: [], done: false }), [id]);
  const loadMore = async (loaded: number) => {
    const { body } = await getJson<EntityPage>(
      withQuery(url, { mentionsLimit: MENTIONS_PAGE, mentionsOffset: loaded }),
    );
    setMore((m) => ({ mentions: [...m.mentions, ...body.mentions], done: body.mentions.length < MENTIONS_PAGE }));
  };
  return (
    <Await state={state}>
      {(e) => {
        const citations = [...e.mentions, ...more.mentions];
        const complete = more.done || e.mentions.length < MENTIONS_PAGE || citations.length >= e.mentionCount;
        return (
          <article class="entity">
            <Heading title={e.name}>
              {e.name} <TypeBadge type={e.type} />
            </Heading>
            <p class="muted">
              {e.mentionCount} mentions in {e.documents.length} document{e.documents.length === 1 ? "" : "s"}
            </p>
            <div class="grid-2">
              <section aria-labelledby="aliases-heading">
                <h2 id="aliases-heading">Names</h2>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Alias</th>
                      <th scope="col" class="num">
                        Mentions
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {e.aliasCounts.map((a) => (
                      <tr key={a.alias}>
                        <td>{a.alias}</td>
                        <td class="num">{a.count}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {e.mergeReasons.length > 0 ? (
                  <details>
                    <summary>Why these names were merged</summary>
                    <ul>
                      {e.mergeReasons.map((r, i) => (
                        <li key={i}>
                          <strong>{r.alias}</strong>: {r.reason}
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : null}
              </section>
              <section aria-labelledby="roles-heading">
                <h2 id="roles-heading">Roles</h2>
                {e.roles.length === 0 ? (
                  <p class="muted">None stated.</p>
                ) : (
                  <ul class="inline-list">
                    {e.roles.map((r) => (
                      <li key={r.role}>
                        {r.role} <span class="muted">×{r.count}</span>
                      </li>
                    ))}
                  </ul>
                )}
                <h2>Documents</h2>
                <ul>
                  {e.documents.map((d) => (
                    <li key={d.id}>
                      <a href={paths.document(d.id)}>{d.title ?? fileName(d.path)}</a>
                    </li>
                  ))}
                </ul>
              </section>
              <section aria-labelledby="events-heading">
                <h2 id="events-heading">Events</h2>
                {e.events.length === 0 ? (
                  <p class="muted">None found.</p>
                ) : (
                  <ul onKeyDown={onListKeys}>
                    {e.events.map((ev) => (
                      <li key={ev.id}>
                        <a data-item href={paths.event(ev.id)}>
                          {ev.label}
                        </a>{" "}
                        <span class="muted">
                          {formatDate(ev.start, ev.precision)}
                          {ev.role ? ` · ${ev.role}` : ""}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
              <section aria-labelledby="related-heading">
                <h2 id="related-heading">Related actors</h2>
                {e.related.length === 0 ? (
                  <p class="muted">None found.</p>
                ) : (
                  <ul onKeyDown={onListKeys}>
                    {e.related.map((r) => (
                      <li key={`${r.id}-${r.relation}`}>
                        <TypeBadge type={r.type} />{" "}
                        <a data-item href={paths.entity(r.id)}>
                          {r.name}
                        </a>{" "}
                        <span class="muted">
                          {r.relation} ×{r.count}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
                <p>
                  <a href={withQuery("/graph", { node: e.id })}>Show in the network</a> ·{" "}
                  <a href={withQuery("/timeline", { actor: e.name })}>Show on the timeline</a>
                </p>
              </section>
            </div>
            <EntityCorrections entity={e} />
            <section aria-labelledby="mentions-heading">
              <h2 id="mentions-heading">Mentions ({e.mentionCount})</h2>
              <ol class="citations">
                {citations.map((c, i) => (
                  <li key={i}>
                    <CitationView citation={c} />
                    <RejectButton
                      label="Not this entity"
                      body={{ action: "reject-mention", document: c.document.id, start: c.start, end: c.end }}
                    />
                  </li>
                ))}
              </ol>
              {complete ? null : (
                <button type="button" onClick={() => void loadMore(citations.length)}>
                  Show {Math.min(MENTIONS_PAGE, e.mentionCount - citations.length)} more mentions ({citations.length} of{" "}
                  {e.mentionCount} shown)
                </button>
              )}
            </section>
          </article>
        );
      }}
    </Await>
  );
}
