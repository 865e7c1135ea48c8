import {
  MEMBERSHIPS_SQL,
  publicUser,
  toApiKey,
  toMembership,
  toProject,
  toSession,
  toUser,
  type ApiKeyRow,
  type MembershipRow,
  type ProjectRow,
  type SessionRow,
  type UserRow,
} from "./rows.js";
import type {
  AccountStore,
  ApiKeyRecord,
  Membership,
  NewUser,
  Project,
  Role,
  SessionRecord,
  User,
  UserCredentials,
} from "./types.js";

/** What an adapter gives the account store: SQL with `$1…` placeholders, run on its backend. */
export interface SqlRunner {
  rows<Row>(sql: string, values?: readonly unknown[]): Row[];
  /** Number of rows changed. */
  run(sql: string, values?: readonly unknown[]): number;
  close(): void;
}

const now = () => new Date().toISOString();

/** The AccountStore over any SqlRunner: the SQL is the same on SQLite and PostgreSQL. */
export class SqlAccountStore implements AccountStore {
  constructor(private readonly sql: SqlRunner) {}

  private one<Row>(sql: string, values: readonly unknown[]): Row | undefined {
    return this.sql.rows<Row>(sql, values)[0];
  }

  addUser(user: NewUser): User {
    const row = this.one<UserRow>(
      "INSERT INTO users (name, email, created, password_hash, oidc_subject) VALUES ($1, $2, $3, $4, $5) RETURNING *",
      [user.name, user.email ?? null, now(), user.passwordHash ?? null, user.oidcSubject ?? null],
    )!;
    return publicUser(toUser(row));
  }

  findUser(nameOrEmail: string): UserCredentials | undefined {
    const row = this.one<UserRow>(
      "SELECT * FROM users WHERE name = $1 OR lower(email) = lower($1) ORDER BY name = $1 DESC LIMIT 1",
      [nameOrEmail],
    );
    return row && toUser(row);
  }

  userById(id: number): UserCredentials | undefined {
    const row = this.one<UserRow>("SELECT * FROM users WHERE id = $1", [id]);
    return row && toUser(row);
  }

  userByOidcSubject(subject: string): UserCredentials | undefined {
    const row = this.one<UserRow>("SELECT * FROM users WHERE oidc_subject = $1", [subject]);
    return row && toUser(row);
  }

  users(): User[] {
    return this.sql.rows<UserRow>("SELECT * FROM users ORDER BY name").map((row) => publicUser(toUser(row)));
  }

  countUsers(): number {
    return Number(this.one<{ n: number }>("SELECT count(*) AS n FROM users", [])!.n);
  }

  updateUser(id: number, change: { passwordHash?: string; oidcSubject?: string; disabled?: boolean }): void {
    const columns = { password_hash: change.passwordHash, oidc_subject: change.oidcSubject, disabled: change.disabled };
    const set = Object.entries(columns).filter(([, value]) => value !== undefined);
    if (set.length === 0) return;
    const assignments = set.map(([column], i) => `${column} = $${i + 2}`).join(", ");
    this.sql.run(`UPDATE users SET ${assignments} WHERE id = $1`, [id, ...set.map(([, value]) => value)]);
  }

  addProject(project: Project): Project {
    const row = this.one<ProjectRow>(
      "INSERT INTO projects (name, created, schema_name) VALUES ($1, $2, $3) RETURNING *",
      [project.name, project.created, project.schema ?? null],
    )!;
    return toProject(row);
  }

  findProject(name: string): Project | undefined {
    const row = this.one<ProjectRow>("SELECT * FROM projects WHERE name = $1", [name]);
    return row && toProject(row);
  }

  projects(): Project[] {
    return this.sql.rows<ProjectRow>("SELECT * FROM projects ORDER BY name").map(toProject);
  }

  grant(userId: number, project: string, role: Role): void {
    this.sql.run(
      `INSERT INTO memberships (user_id, project, role) VALUES ($1, $2, $3)
        ON CONFLICT (user_id, project) DO UPDATE SET role = excluded.role`,
      [userId, project, role],
    );
  }

  revoke(userId: number, project: string): boolean {
    return this.sql.run("DELETE FROM memberships WHERE user_id = $1 AND project = $2", [userId, project]) > 0;
  }

  roleOf(userId: number, project: string): Role | undefined {
    return this.one<{ role: Role }>("SELECT role FROM memberships WHERE user_id = $1 AND project = $2", [
      userId,
      project,
    ])?.role;
  }

  memberships(userId?: number): Membership[] {
    const where = userId === undefined ? "" : " WHERE m.user_id = $1";
    const values = userId === undefined ? [] : [userId];
    return this.sql
      .rows<MembershipRow>(`${MEMBERSHIPS_SQL}${where} ORDER BY u.name, m.project`, values)
      .map(toMembership);
  }

  addKey(key: Omit<ApiKeyRecord, "id">): ApiKeyRecord {
    const row = this.one<ApiKeyRow>(
      `INSERT INTO api_keys (user_id, project, prefix, digest, created, expires)
        VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [key.userId, key.project ?? null, key.prefix, key.digest, key.created, key.expires ?? null],
    )!;
    return toApiKey(row);
  }

  keyByPrefix(prefix: string): ApiKeyRecord | undefined {
    const row = this.one<ApiKeyRow>("SELECT * FROM api_keys WHERE prefix = $1", [prefix]);
    return row && toApiKey(row);
  }

  keys(userId?: number): ApiKeyRecord[] {
    const where = userId === undefined ? "" : " WHERE user_id = $1";
    return this.sql
      .rows<ApiKeyRow>(`SELECT * FROM api_keys${where} ORDER BY id`, userId === undefined ? [] : [userId])
      .map(toApiKey);
  }

  touchKey(id: number, when: string): void {
    this.sql.run("UPDATE api_keys SET last_used = $2 WHERE id = $1", [id, when]);
  }

  revokeKey(prefix: string, when: string): boolean {
    return this.sql.run("UPDATE api_keys SET revoked = $2 WHERE prefix = $1 AND revoked IS NULL", [prefix, when]) > 0;
  }

  addSession(session: SessionRecord): void {
    this.sql.run("INSERT INTO sessions (digest, user_id, created, expires, csrf_token) VALUES ($1, $2, $3, $4, $5)", [
      session.digest,
      session.userId,
      session.created,
      session.expires,
      session.csrfToken,
    ]);
  }

  sessionByDigest(digest: string): SessionRecord | undefined {
    const row = this.one<SessionRow>("SELECT * FROM sessions WHERE digest = $1", [digest]);
    return row && toSession(row);
  }

  deleteSession(digest: string): void {
    this.sql.run("DELETE FROM sessions WHERE digest = $1", [digest]);
  }

  deleteExpiredSessions(when: string): void {
    this.sql.run("DELETE FROM sessions WHERE expires < $1", [when]);
  }

  close(): void {
    this.sql.close();
  }
}
