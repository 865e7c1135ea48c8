import { useState } from "preact/hooks";
import { ApiError, uploadFile } from "../api.js";
import type { IngestReport } from "../types.js";

type Outcome = "waiting" | "sending" | "reading" | "added" | "updated" | "unchanged" | "failed" | "not sent";

interface Item {
  file: File;
  sent: number;
  outcome: Outcome;
  /** Why it failed, or what was wrong with it though it was stored. */
  reason?: string;
}

function outcomeOf(report: IngestReport): Pick<Item, "outcome" | "reason"> {
  const failure = report.failed[0];
  if (failure) return { outcome: "failed", reason: failure.error };
  const warning = report.warnings[0]?.warning;
  const outcome = report.added > 0 ? "added" : report.updated > 0 ? "updated" : "unchanged";
  return { outcome, ...(warning ? { reason: warning } : {}) };
}

/** A file's length as its progress bar counts it: an empty file is one unit, so its bar can fill. */
const units = (file: File) => Math.max(1, file.size);

const DONE: readonly Outcome[] = ["added", "updated", "unchanged", "failed", "not sent"];

function summary(items: readonly Item[]): string {
  const counts = new Map<Outcome, number>();
  for (const item of items) counts.set(item.outcome, (counts.get(item.outcome) ?? 0) + 1);
  const parts = DONE.filter((o) => counts.has(o)).map((o) => `${counts.get(o)} ${o}`);
  return `${items.length} file${items.length === 1 ? "" : "s"}: ${parts.join(", ")}.`;
}

function ItemRow({ item, index }: { item: Item; index: number }) {
  const id = `upload-${index}`;
  const size = units(item.file);
  const label =
    item.outcome === "sending"
      ? `sending, ${Math.round((100 * item.sent) / size)}%`
      : item.outcome === "reading"
        ? "sent; reading it…"
        : item.outcome;
  return (
    <li class={`upload-item upload-${item.outcome.replace(" ", "-")}`}>
      <label for={id}>{item.file.name}</label>
      <progress id={id} max={size} value={Math.min(item.sent, size)} />
      <span class="upload-outcome">
        {label}
        {item.reason ? `: ${item.reason}` : ""}
      </span>
    </li>
  );
}

/**
 * The start page's upload form: several files, chosen or dropped, sent one request each with a
 * progress bar per file and for all of them, then each file's outcome as the server reports it.
 */
export function Upload({ onDone }: { onDone: () => void }) {
  const [items, setItems] = useState<Item[]>([]);
  const [running, setRunning] = useState(false);
  const [status, setStatus] = useState("");
  const [needsToken, setNeedsToken] = useState(false);
  const [token, setToken] = useState("");
  const [dragging, setDragging] = useState(false);

  const choose = (files: FileList | null | undefined) => {
    if (running || !files || files.length === 0) return;
    setItems([...files].map((file) => ({ file, sent: 0, outcome: "waiting" })));
    setStatus("");
  };

  const send = async () => {
    setRunning(true);
    const current: Item[] = items.map(({ file }) => ({ file, sent: 0, outcome: "waiting" }));
    const update = (index: number, change: Partial<Item>) => {
      current[index] = { ...current[index]!, ...change };
      setItems([...current]);
    };
    for (let i = 0; i < current.length; i++) {
      const file = current[i]!.file;
      setStatus(`Adding ${file.name} (${i + 1} of ${current.length})…`);
      update(i, { outcome: "sending" });
      try {
        const report = await uploadFile(file, token || undefined, (sent) =>
          update(i, { sent, outcome: sent >= file.size ? "reading" : "sending" }),
        );
        update(i, { sent: units(file), ...outcomeOf(report) });
      } catch (error) {
        update(i, { outcome: "failed", reason: error instanceof Error ? error.message : String(error) });
        if (error instanceof ApiError && error.status === 401) setNeedsToken(true);
        // A refusal of this file (a bad name, too large) lets the others go; any other would refuse them too.
        if (!(error instanceof ApiError && (error.status === 400 || error.status === 413))) {
          for (let j = i + 1; j < current.length; j++) update(j, { outcome: "not sent" });
          break;
        }
      }
    }
    setStatus(summary(current));
    setRunning(false);
    onDone();
  };

  const total = items.reduce((sum, item) => sum + units(item.file), 0);
  const sent = items.reduce((sum, item) => sum + Math.min(item.sent, units(item.file)), 0);
  return (
    <form
      class={`upload${dragging ? " dragging" : ""}`}
      aria-label="Add sources"
      onSubmit={(event) => {
        event.preventDefault();
        if (!running && items.length > 0) void send();
      }}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        choose(event.dataTransfer?.files);
      }}
    >
      <label for="file">Files to add (or drop them here)</label>
      <input
        id="file"
        name="file"
        type="file"
        multiple
        disabled={running}
        onChange={(event) => choose((event.currentTarget as HTMLInputElement).files)}
      />
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
      <button type="submit" disabled={running || items.length === 0}>
        {items.length > 1 ? `Add ${items.length} files` : "Add"}
      </button>
      {items.length > 0 ? (
        <>
          <div class="upload-total">
            <label for="upload-total">All files</label>
            <progress id="upload-total" max={total} value={sent} />
          </div>
          <ul class="upload-items" aria-label="Files">
            {items.map((item, index) => (
              <ItemRow key={`${index}-${item.file.name}`} item={item} index={index} />
            ))}
          </ul>
        </>
      ) : null}
      <p role="status" aria-live="polite" class="muted">
        {status}
      </p>
    </form>
  );
}
