import { useEffect, useState } from "preact/hooks";
import { navigate, withQuery } from "../router.js";

/** The search form: submitting opens /search?q=… (keeping the other filters when given). */
export function SearchBox({
  initial = "",
  compact = false,
  filters = {},
}: {
  initial?: string;
  compact?: boolean;
  filters?: Record<string, string | string[] | undefined>;
}) {
  const [value, setValue] = useState(initial);
  useEffect(() => setValue(initial), [initial]);
  return (
    <form
      role="search"
      class={compact ? "search-box compact" : "search-box"}
      onSubmit={(event) => {
        event.preventDefault();
        if (value.trim()) navigate(withQuery("/search", { ...filters, q: value.trim() }));
      }}
    >
      <label class={compact ? "visually-hidden" : ""} for={compact ? "q-compact" : "q"}>
        Search the sources
      </label>
      <input
        id={compact ? "q-compact" : "q"}
        type="search"
        name="q"
        value={value}
        placeholder='Qasim, "death train", Ba*'
        autoComplete="off"
        onInput={(event) => setValue((event.target as HTMLInputElement).value)}
      />
      <button type="submit">Search</button>
    </form>
  );
}
