/** The login of a team server (GET /api/session), kept for the page's lifetime. */
export interface Session {
  accounts: boolean;
  oidc?: boolean;
  user?: { name: string; email?: string };
  projects?: { project: string; role: string }[];
  csrfToken?: string;
  refused?: string;
}

const PROJECT_KEY = "annals-project";

let current: Session = { accounts: false };

export function session(): Session {
  return current;
}

/** The project the UI reads and writes: chosen by the user, else their first one. */
export function project(): string {
  const chosen = sessionStorage.getItem(PROJECT_KEY);
  const mine = current.projects?.map((p) => p.project) ?? [];
  if (chosen && mine.includes(chosen)) return chosen;
  return mine[0] ?? "default";
}

export function chooseProject(name: string): void {
  sessionStorage.setItem(PROJECT_KEY, name);
}

/** Headers every API request carries: the project, and for writes the session's CSRF token. */
export function sessionHeaders(write: boolean): Record<string, string> {
  return {
    ...(current.accounts ? { "x-annals-project": project() } : {}),
    ...(write && current.csrfToken ? { "x-csrf-token": current.csrfToken } : {}),
  };
}

async function answer(response: Response): Promise<Session> {
  const body = (await response.json()) as Session & { error?: { message: string } };
  if (!response.ok) throw new Error(body.error?.message ?? `${response.status} ${response.statusText}`);
  current = body;
  return body;
}

/** The session a server without accounts gives, known from the page itself (its annals-accounts mark); else undefined. */
export function pageSession(): Session | undefined {
  const mark = document.querySelector('meta[name="annals-accounts"]')?.getAttribute("content");
  return mark === "none" ? { accounts: false, oidc: false } : undefined;
}

export async function loadSession(): Promise<Session> {
  return answer(await fetch("/api/session", { headers: { accept: "application/json" } }));
}

export async function logIn(user: string, password: string): Promise<Session> {
  return answer(
    await fetch("/api/login", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ user, password }),
    }),
  );
}

export async function logOut(): Promise<void> {
  await fetch("/api/logout", { method: "POST" });
  current = { accounts: true };
}
