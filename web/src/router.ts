import { useEffect, useState } from "preact/hooks";

/** Client-side routing on the History API: every view has a URL that can be bookmarked and shared. */

export interface Location {
  path: string;
  query: URLSearchParams;
  hash: string;
}

function current(): Location {
  return {
    path: window.location.pathname,
    query: new URLSearchParams(window.location.search),
    hash: window.location.hash,
  };
}

const listeners = new Set<() => void>();

/** How many times the view changed in this page (0: the page was just loaded). */
export let navigations = 0;

export function navigate(url: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, "", url);
  else {
    window.history.pushState(null, "", url);
    navigations++;
  }
  for (const listener of listeners) listener();
}

window.addEventListener("popstate", () => navigations++);

export function useLocation(): Location {
  const [location, setLocation] = useState(current);
  useEffect(() => {
    const update = () => setLocation(current());
    listeners.add(update);
    window.addEventListener("popstate", update);
    return () => {
      listeners.delete(update);
      window.removeEventListener("popstate", update);
    };
  }, []);
  return location;
}

/** Same-origin links open in the app instead of reloading the page. */
export function interceptLinks(): void {
  document.addEventListener("click", (event) => {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    const anchor = (event.target as Element | null)?.closest?.("a");
    if (!anchor || anchor.target || anchor.hasAttribute("download")) return;
    const url = new URL(anchor.href, window.location.href);
    if (url.origin !== window.location.origin || url.pathname.startsWith("/api/")) return;
    event.preventDefault();
    if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash) {
      window.history.pushState(null, "", url.hash);
      const target = document.getElementById(decodeURIComponent(url.hash.slice(1)));
      target?.scrollIntoView();
      // Move focus too (skip link, table of contents), so the keyboard carries on from there.
      if (target && !target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
      target?.focus({ preventScroll: true });
      for (const listener of listeners) listener();
      return;
    }
    navigate(url.pathname + url.search + url.hash);
  });
}

/** `/documents/:id` → `{ id }`, or undefined when the path does not match. */
export function match(pattern: string, path: string): Record<string, string> | undefined {
  const names: string[] = [];
  const source = pattern.replace(/:(\w+)/g, (_, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  const found = new RegExp(`^${source}/?$`).exec(path);
  if (!found) return undefined;
  const params: Record<string, string> = {};
  names.forEach((name, i) => {
    params[name] = decodeURIComponent(found[i + 1] ?? "");
  });
  return params;
}

export function withQuery(path: string, params: Record<string, string | string[] | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === "") continue;
    if (Array.isArray(value)) for (const v of value) query.append(key, v);
    else query.set(key, String(value));
  }
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

export const paths = {
  document: (id: string, at?: { start: number; end: number }) =>
    `/documents/${encodeURIComponent(id)}${at ? `?at=${at.start}-${at.end}#cited` : ""}`,
  entity: (id: string) => `/entities/${encodeURIComponent(id)}`,
  event: (id: string) => `/events/${encodeURIComponent(id)}`,
};
