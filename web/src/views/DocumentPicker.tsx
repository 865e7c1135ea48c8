import { useEffect, useState } from "preact/hooks";
import { getJson, useLoad } from "../api.js";
import { Await, fileName } from "../components.js";
import { withQuery } from "../router.js";
import type { DocumentListing } from "../types.js";

/** Documents per page of a picker's results. */
const PAGE = 8;
/** How long typing must pause before the results are asked for. */
const PAUSE_MS = 250;

/**
 * A search-as-you-type choice of one document: GET /api/documents?text= filtered on the server, one
 * page of results at a time, the chosen one pressed.
 */
export function DocumentPicker({
  id,
  label,
  chosen,
  onChoose,
}: {
  id: string;
  label: string;
  chosen: string;
  onChoose: (documentId: string) => void;
}) {
  const [typed, setTyped] = useState("");
  const [text, setText] = useState("");
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    const timer = setTimeout(() => {
      // Only new words start again at the first page (not the pause after the picker first shows).
      if (typed.trim() === text) return;
      setText(typed.trim());
      setOffset(0);
    }, PAUSE_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const url = withQuery("/api/documents", { text, limit: PAGE, offset: offset || undefined });
  const results = useLoad(url, async (signal) => {
    const { body, headers } = await getJson<DocumentListing[]>(url, signal);
    return { list: body, total: Number(headers.get("x-total-count") ?? body.length) };
  });
  return (
    <fieldset class="picker">
      <legend>{label}</legend>
      <label for={`${id}-text`}>Find by title or file name</label>
      <input
        id={`${id}-text`}
        type="search"
        value={typed}
        autocomplete="off"
        onInput={(event) => setTyped((event.currentTarget as HTMLInputElement).value)}
      />
      <Await state={results}>
        {({ list, total }) => (
          <>
            <p class="muted small" role="status">
              {total === 0
                ? "No document matches."
                : `${offset + 1}–${offset + list.length} of ${total} document${total === 1 ? "" : "s"}`}
            </p>
            <ul class="picker-results">
              {list.map((d) => (
                <li key={d.id}>
                  <button
                    type="button"
                    class="picker-choice"
                    aria-pressed={d.id === chosen}
                    onClick={() => onChoose(d.id)}
                  >
                    {d.title || fileName(d.path)}
                    <span class="muted small"> {fileName(d.path)}</span>
                  </button>
                </li>
              ))}
            </ul>
            <div class="pager">
              {offset > 0 ? (
                <button type="button" onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                  Previous
                </button>
              ) : null}
              {offset + PAGE < total ? (
                <button type="button" onClick={() => setOffset(offset + PAGE)}>
                  Next
                </button>
              ) : null}
            </div>
          </>
        )}
      </Await>
    </fieldset>
  );
}
