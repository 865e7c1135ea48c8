import type { ApiKeyRecord, Membership, Project, Role, SessionRecord, User, UserCredentials } from "./types.js";

/** Rows as both backends return them (SQLite gives booleans as 0/1). */
export interface UserRow {
  id: number;
  name: string;
  email: string | null;
  created: string;
  disabled: number | boolean;
  password_hash: string | null;
  oidc_subject: string | null;
}

export interface ProjectRow {
  name: string;
  created: string;
  schema_name: string | null;
}

export interface MembershipRow {
  user_name: string;
  project: string;
  role: Role;
}

export interface ApiKeyRow {
  id: number;
  user_id: number;
  project: string | null;
  prefix: string;
  digest: string;
  created: string;
  expires: string | null;
  last_used: string | null;
  revoked: string | null;
}

export interface SessionRow {
  digest: string;
  user_id: number;
  created: string;
  expires: string;
  csrf_token: string;
}

export function toUser(row: UserRow): UserCredentials {
  return {
    id: Number(row.id),
    name: row.name,
    ...(row.email === null ? {} : { email: row.email }),
    created: row.created,
    disabled: Boolean(row.disabled),
    ...(row.password_hash === null ? {} : { passwordHash: row.password_hash }),
    ...(row.oidc_subject === null ? {} : { oidcSubject: row.oidc_subject }),
  };
}

/** What listings show of a user: nothing that authenticates. */
export function publicUser({ id, name, email, created, disabled }: UserCredentials): User {
  return { id, name, ...(email === undefined ? {} : { email }), created, disabled };
}

export function toProject(row: ProjectRow): Project {
  return { name: row.name, created: row.created, ...(row.schema_name === null ? {} : { schema: row.schema_name }) };
}

export function toMembership(row: MembershipRow): Membership {
  return { user: row.user_name, project: row.project, role: row.role };
}

export function toApiKey(row: ApiKeyRow): ApiKeyRecord {
  return {
    id: Number(row.id),
    userId: Number(row.user_id),
    ...(row.project === null ? {} : { project: row.project }),
    prefix: row.prefix,
    digest: row.digest,
    created: row.created,
    ...(row.expires === null ? {} : { expires: row.expires }),
    ...(row.last_used === null ? {} : { lastUsed: row.last_used }),
    ...(row.revoked === null ? {} : { revoked: row.revoked }),
  };
}

export function toSession(row: SessionRow): SessionRecord {
  return {
    digest: row.digest,
    userId: Number(row.user_id),
    created: row.created,
    expires: row.expires,
    csrfToken: row.csrf_token,
  };
}

export const MEMBERSHIPS_SQL = `
  SELECT u.name AS user_name, m.project, m.role FROM memberships m JOIN users u ON u.id = m.user_id`;
