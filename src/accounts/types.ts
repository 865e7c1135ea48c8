/** What a member may do in a project: read (viewer), make decisions and upload (editor), everything (admin). */
export type Role = "viewer" | "editor" | "admin";

export const ROLES: readonly Role[] = ["viewer", "editor", "admin"];

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

export function atLeast(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

/** The project of a knowledge base that is a single SQLite file, and the first one on a server. */
export const DEFAULT_PROJECT = "default";

export interface User {
  id: number;
  name: string;
  email?: string;
  created: string;
  disabled: boolean;
}

/** A user with what authenticates them; never leaves the accounts layer. */
export interface UserCredentials extends User {
  /** `scrypt$N$r$p$salt$hash` (src/accounts/secrets.ts), when the user may log in with a password. */
  passwordHash?: string;
  /** `issuer sub` of the OpenID Connect account this user logs in with. */
  oidcSubject?: string;
}

/** One knowledge base. `schema` is where its tables live on PostgreSQL (none: the URL's own search path). */
export interface Project {
  name: string;
  created: string;
  schema?: string;
}

export interface Membership {
  user: string;
  project: string;
  role: Role;
}

/** An API key as stored: the SHA-256 digest of its secret, never the secret. */
export interface ApiKeyRecord {
  id: number;
  userId: number;
  /** Restricts the key to one project; without it the key acts in every project its user is a member of. */
  project?: string;
  /** The key's public part, shown in listings and used to find it. */
  prefix: string;
  digest: string;
  created: string;
  expires?: string;
  lastUsed?: string;
  revoked?: string;
}

export interface SessionRecord {
  /** SHA-256 of the session id the cookie holds. */
  digest: string;
  userId: number;
  created: string;
  expires: string;
  csrfToken: string;
}

export interface NewUser {
  name: string;
  email?: string;
  passwordHash?: string;
  oidcSubject?: string;
}

/**
 * Users, projects, memberships, API keys and sessions, beside the knowledge base (the same SQLite file or
 * PostgreSQL database). Synchronous like the Store; one adapter per backend.
 */
export interface AccountStore {
  addUser(user: NewUser): User;
  /** By name or email. */
  findUser(nameOrEmail: string): UserCredentials | undefined;
  userById(id: number): UserCredentials | undefined;
  userByOidcSubject(subject: string): UserCredentials | undefined;
  users(): User[];
  countUsers(): number;
  updateUser(id: number, change: { passwordHash?: string; oidcSubject?: string; disabled?: boolean }): void;

  addProject(project: Project): Project;
  findProject(name: string): Project | undefined;
  projects(): Project[];

  /** Adds or changes the user's role in the project. */
  grant(userId: number, project: string, role: Role): void;
  revoke(userId: number, project: string): boolean;
  roleOf(userId: number, project: string): Role | undefined;
  memberships(userId?: number): Membership[];

  addKey(key: Omit<ApiKeyRecord, "id">): ApiKeyRecord;
  keyByPrefix(prefix: string): ApiKeyRecord | undefined;
  keys(userId?: number): ApiKeyRecord[];
  touchKey(id: number, when: string): void;
  revokeKey(prefix: string, when: string): boolean;

  addSession(session: SessionRecord): void;
  sessionByDigest(digest: string): SessionRecord | undefined;
  deleteSession(digest: string): void;
  /** Drops the sessions that expired before `now`. */
  deleteExpiredSessions(now: string): void;

  close(): void;
}
