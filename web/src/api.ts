import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { sessionHeaders } from "./session.js";
import type { IngestReport } from "./types.js";

/** An error answer of the API: `{error: {code, message, path}}`, or a network failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function errorOfText(status: number, statusText: string, text: string): ApiError {
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
    return new ApiError(status, body.error?.code ?? "error", body.error?.message ?? statusText);
  } catch {
    return new ApiError(status, "error", `${status} ${statusText}`);
  }
}

async function errorOf(response: Response): Promise<ApiError> {
  return errorOfText(response.status, response.statusText, await response.text());
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<{ body: T; headers: Headers }> {
  const response = await fetch(url, {
    headers: { accept: "application/json", ...sessionHeaders(false) },
    ...(signal ? { signal } : {}),
  });
  if (!response.ok) throw await errorOf(response);
  return { body: (await response.json()) as T, headers: response.headers };
}

/** Every page of a paginated list, following `Link: <…>; rel="next"`. */
export async function getAll<T>(url: string, signal?: AbortSignal): Promise<T[]> {
  const items: T[] = [];
  let next: string | undefined = url;
  for (let pages = 0; next && pages < 100; pages++) {
    const { body, headers }: { body: T[]; headers: Headers } = await getJson<T[]>(next, signal);
    items.push(...body);
    next = /<([^>]+)>;\s*rel="next"/.exec(headers.get("link") ?? "")?.[1];
  }
  return items;
}

/**
 * POSTs one file to /api/documents, calling `onSent` with the bytes sent so far. Resolves with the
 * server's IngestReport, also when the file could not be ingested (422, with its reason).
 */
export function uploadFile(
  file: File,
  token: string | undefined,
  onSent: (bytes: number) => void,
): Promise<IngestReport> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", `/api/documents?filename=${encodeURIComponent(file.name)}`);
    const headers = {
      "content-type": "application/octet-stream",
      accept: "application/json",
      ...sessionHeaders(true),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    };
    for (const [name, value] of Object.entries(headers)) request.setRequestHeader(name, value);
    request.upload.onprogress = (event) => onSent(event.loaded);
    request.onload = () => {
      if (request.status === 200 || request.status === 422) resolve(JSON.parse(request.responseText) as IngestReport);
      else reject(errorOfText(request.status, request.statusText, request.responseText));
    };
    request.onerror = () => reject(new ApiError(0, "network", "could not reach the server"));
    request.send(file);
  });
}

/**
 * GETs `url` with the session's headers (a plain link would lose the project header) and saves the
 * answer under the name its Content-Disposition gives. Resolves with that name.
 */
export async function download(url: string): Promise<string> {
  const response = await fetch(url, { headers: sessionHeaders(false) });
  if (!response.ok) throw await errorOf(response);
  const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "annals-export";
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = href;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return name;
}

export interface Loaded<T> {
  data?: T;
  error?: ApiError;
  loading: boolean;
}

/**
 * Loads `load()` again whenever `key` changes; aborts the previous load. The request leaves as soon as
 * the component is in the page, not after the browser has painted it.
 */
export function useLoad<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ loading: key !== null });
  const loadedKey = useRef(key);
  useLayoutEffect(() => {
    loadedKey.current = key;
    if (key === null) {
      // The same state object when there is nothing to clear: no render for nothing.
      setState((previous) =>
        previous.loading || previous.data !== undefined || previous.error ? { loading: false } : previous,
      );
      return;
    }
    const controller = new AbortController();
    setState((previous) => (previous.loading ? previous : { ...previous, loading: true }));
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, loading: false });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError =
          error instanceof ApiError
            ? error
            : new ApiError(0, "network", `could not reach the server (${String(error)})`);
        setState({ error: apiError, loading: false });
      },
    );
    return () => controller.abort();
  }, [key]);
  // Until the effect has run for a new key, what is held is the previous key's: loading, not an answer.
  return loadedKey.current === key || state.loading ? state : { ...state, loading: true };
}

/** GET a JSON body; `url` null loads nothing. */
export function useJson<T>(url: string | null): Loaded<T> {
  return useLoad(url, async (signal) => (await getJson<T>(url!, signal)).body);
}

const TOKEN_KEY = "annals-token";

/** The bearer token writes are sent with (kept for this browser tab), "" for none. */
export function writeToken(): string {
  return sessionStorage.getItem(TOKEN_KEY) ?? "";
}

export function setWriteToken(token: string): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** A correction: POST /api/decisions with `body`, or DELETE /api/decisions/:id to undo one. */
export async function sendDecision(body: Record<string, unknown> | { undo: number }): Promise<unknown> {
  const token = writeToken();
  const undo = "undo" in body ? body.undo : undefined;
  const response = await fetch(undo === undefined ? "/api/decisions" : `/api/decisions/${undo}`, {
    method: undo === undefined ? "POST" : "DELETE",
    headers: {
      accept: "application/json",
      ...sessionHeaders(true),
      ...(undo === undefined ? { "content-type": "application/json" } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(undo === undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (!response.ok) throw await errorOf(response);
  return response.json();
}
