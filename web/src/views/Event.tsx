import { useJson } from "../api.js";
import { Await, CitationView, Heading } from "../components.js";
import { RejectButton } from "./Corrections.js";
import { formatDate } from "../dates.js";
import { withQuery } from "../router.js";
import type { EventCard } from "../types.js";

const FIELD_ORDER = ["date", "place", "result", "partof", "agent", "patient", "combatant", "commander", "participant"];

function fieldLabel(field: string): string {
  const numbered = /^(\D+?)(\d+)$/.exec(field);
  const base = (numbered ? numbered[1]! : field).replace(/[-_]/g, " ");
  const label = base.charAt(0).toUpperCase() + base.slice(1);
  return numbered ? `${label} (side ${numbered[2]})` : label;
}

function order(fields: string[]): string[] {
  const rank = (f: string) => {
    const base = f.replace(/\d+$/, "");
    const i = FIELD_ORDER.indexOf(base);
    return i < 0 ? FIELD_ORDER.length : i;
  };
  return [...fields].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** /events/:id: the merged card, each field with every value and its sources, disagreements marked. */
export function EventView({ id }: { id: string }) {
  const state = useJson<EventCard>(`/api/events/${encodeURIComponent(id)}`);
  return (
    <Await state={state}>
      {(card) => (
        <article class="event-card">
          <Heading title={card.label}>{card.label}</Heading>
          <p class="event-date">
            <span class="badge">{card.type}</span> <strong>{formatDate(card.start, card.precision, card.end)}</strong>
            {card.precision && card.precision !== "day" ? (
              <span class="muted"> ({card.precision} precision)</span>
            ) : null}
          </p>
          {card.disagreements.length > 0 ? (
            <p class="disagreement-note" role="note">
              Sources disagree on: {card.disagreements.map(fieldLabel).join(", ")}.
            </p>
          ) : null}
          {card.inconsistencies.length > 0 ? (
            <p class="disagreement-note" role="note">
              One source contradicts itself on: {card.inconsistencies.map(fieldLabel).join(", ")}.
            </p>
          ) : null}
          <table class="card-fields">
            <caption class="visually-hidden">Fields of {card.label}, each value with its sources</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Values and sources</th>
              </tr>
            </thead>
            <tbody>
              {order(Object.keys(card.fields)).map((field) => {
                const disputed = card.disagreements.includes(field) || card.inconsistencies.includes(field);
                return (
                  <tr key={field} class={disputed ? "disputed" : undefined} data-field={field}>
                    <th scope="row">
                      {fieldLabel(field)}
                      {card.disagreements.includes(field) ? <span class="badge warn">disagreement</span> : null}
                      {card.inconsistencies.includes(field) ? <span class="badge warn">inconsistent</span> : null}
                    </th>
                    <td>
                      <ul class="values">
                        {card.fields[field]!.map((value, i) => (
                          <li key={i} class="value">
                            <div class="value-text">{value.value}</div>
                            <details open={disputed || card.fields[field]!.length === 1}>
                              <summary>
                                {value.sources.length} source{value.sources.length === 1 ? "" : "s"}
                              </summary>
                              {value.sources.map((c, j) => (
                                <div key={j}>
                                  <CitationView citation={c} />
                                  <RejectButton
                                    label="This source does not say so"
                                    body={{
                                      action: "reject-claim",
                                      subjectKind: "event",
                                      subjectId: card.id,
                                      document: c.document.id,
                                      start: c.start,
                                      end: c.end,
                                      property: field,
                                      value: value.value,
                                    }}
                                  />
                                </div>
                              ))}
                            </details>
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {card.mergeReasons.length > 0 ? (
            <details class="merge-reasons">
              <summary>Why these accounts are one event ({card.mergeReasons.length + 1} accounts)</summary>
              <ul>
                {card.mergeReasons.map((r) => (
                  <li key={r.mentionId}>{r.reason}</li>
                ))}
              </ul>
            </details>
          ) : null}
          <p>
            <a href={withQuery("/timeline", { from: card.start?.slice(0, 4) })}>See it on the timeline</a>
          </p>
        </article>
      )}
    </Await>
  );
}
