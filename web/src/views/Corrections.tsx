import { useState } from "preact/hooks";
import { ApiError, getJson, sendDecision, setWriteToken, useJson, writeToken } from "../api.js";
import { Await, Heading } from "../components.js";
import type { EntityPage } from "../types.js";

interface DecisionView {
  id: number;
  summary: string;
  user: string;
  reason: string;
  createdAt: string;
  status: "applied" | "orphaned" | "undone" | "pending";
  why?: string;
  payload: { kind: string };
}

/** Sends a correction and reloads the page so every view shows it; reports a refusal in `onError`. */
async function correct(body: Record<string, unknown> | { undo: number }, onError: (message: string) => void) {
  try {
    await sendDecision(body);
    window.location.reload();
  } catch (error) {
    onError(error instanceof ApiError ? error.message : String(error));
  }
}

/** One-click rejection of a mention (or a claim): the quote does not name this. */
export function RejectButton({ body, label }: { body: Record<string, unknown>; label: string }) {
  const [error, setError] = useState("");
  return (
    <>
      <button type="button" class="link-button" onClick={() => void correct(body, setError)}>
        {label}
      </button>
      {error ? <span role="alert"> {error}</span> : null}
    </>
  );
}

/** Merge another entity into this one, or split names off it, each with a preview of what moves. */
export function EntityCorrections({ entity }: { entity: EntityPage }) {
  const [other, setOther] = useState("");
  const [preview, setPreview] = useState<EntityPage | undefined>();
  const [leaving, setLeaving] = useState<string[]>([]);
  const [reason, setReason] = useState("");
  const [error, setError] = useState("");
  const look = async () => {
    setError("");
    try {
      setPreview((await getJson<EntityPage>(`/api/entities/${encodeURIComponent(other)}`)).body);
    } catch (e) {
      setPreview(undefined);
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  const moving = entity.aliasCounts.filter((a) => leaving.includes(a.alias));
  return (
    <section aria-labelledby="correct-heading" class="corrections">
      <h2 id="correct-heading">Correct</h2>
      <label for="reason">Reason</label>{" "}
      <input id="reason" value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      <h3>Merge</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void look();
        }}
      >
        <label for="merge-other">Another entity (name or id)</label>{" "}
        <input id="merge-other" value={other} onInput={(e) => setOther(e.currentTarget.value)} />{" "}
        <button type="submit">Preview</button>
      </form>
      {preview ? (
        <div class="preview" aria-live="polite">
          <p>
            Moves into {entity.name}: <strong>{preview.name}</strong> ({preview.mentionCount} mentions) with{" "}
            {preview.aliasCounts.map((a) => `${a.alias} (${a.count})`).join(", ") || "no other name"}.
          </p>
          <button
            type="button"
            onClick={() => void correct({ action: "merge", entity: entity.id, other: preview.id, reason }, setError)}
          >
            Merge {preview.name} into {entity.name}
          </button>
        </div>
      ) : null}
      <h3>Split</h3>
      <fieldset>
        <legend>Names that are not {entity.name}</legend>
        {entity.aliasCounts.map((a) => (
          <label key={a.alias} class="check">
            <input
              type="checkbox"
              checked={leaving.includes(a.alias)}
              onChange={(e) =>
                setLeaving(e.currentTarget.checked ? [...leaving, a.alias] : leaving.filter((n) => n !== a.alias))
              }
            />{" "}
            {a.alias} <span class="muted">×{a.count}</span>
          </label>
        ))}
      </fieldset>
      {moving.length > 0 ? (
        <p aria-live="polite">
          Leaves {entity.name}: {moving.map((a) => `${a.alias} (${a.count} mentions)`).join(", ")}, with every name
          spelled alike.{" "}
          <button
            type="button"
            onClick={() => void correct({ action: "split", entity: entity.id, names: leaving, reason }, setError)}
          >
            Split off
          </button>
        </p>
      ) : null}
      {entity.mergeReasons.length > 0 ? (
        <>
          <h3>Why the resolver merged these names</h3>
          <ul class="merge-reasons">
            {entity.mergeReasons.map((r, i) => (
              <li key={i}>
                <strong>{r.alias}</strong>: {r.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {error ? <p role="alert">{error}</p> : null}
    </section>
  );
}

/** /decisions: every correction, newest first, with its status and an undo button. */
export function DecisionsView() {
  const state = useJson<DecisionView[]>("/api/decisions");
  const [token, setToken] = useState(writeToken());
  const [error, setError] = useState("");
  return (
    <>
      <Heading title="Corrections">Corrections</Heading>
      <p>
        <label for="write-token">Token for writes</label>{" "}
        <input
          id="write-token"
          type="password"
          value={token}
          onInput={(e) => {
            setToken(e.currentTarget.value);
            setWriteToken(e.currentTarget.value);
          }}
        />
      </p>
      {error ? <p role="alert">{error}</p> : null}
      <Await state={state}>
        {(decisions) =>
          decisions.length === 0 ? (
            <p class="muted">No corrections yet.</p>
          ) : (
            <ol class="decisions" reversed>
              {[...decisions].reverse().map((d) => (
                <li key={d.id} data-status={d.status}>
                  <strong>#{d.id}</strong> {d.summary}{" "}
                  <span class="muted">
                    {d.status}
                    {d.why ? `: ${d.why}` : ""} · {d.user}, {d.createdAt.slice(0, 16).replace("T", " ")}
                    {d.reason ? ` · ${d.reason}` : ""}
                  </span>{" "}
                  {d.status !== "undone" && d.payload.kind !== "undo" ? (
                    <button type="button" onClick={() => void correct({ undo: d.id }, setError)}>
                      Undo
                    </button>
                  ) : null}
                </li>
              ))}
            </ol>
          )
        }
      </Await>
    </>
  );
}
