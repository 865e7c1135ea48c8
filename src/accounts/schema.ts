import { DEFAULT_PROJECT } from "./types.js";

/** The column types that differ between the backends. */
export interface SqlDialect {
  /** An auto-increment integer primary key. */
  id: string;
  /** Text compared byte-wise. */
  text: string;
  bool: string;
}

/**
 * Ordered schema changes of the account tables, kept apart from the knowledge base's (table
 * `account_schema` holds the last version applied). Never edit a released one: append.
 */
export function accountMigrations(dialect: SqlDialect): string[] {
  return [
    accountTablesSql(dialect) +
      `
    INSERT INTO projects (name, created) VALUES ('${DEFAULT_PROJECT}', '${new Date(0).toISOString()}');`,
  ];
}

function accountTablesSql({ id, text, bool }: SqlDialect): string {
  return `
    CREATE TABLE users (
      id ${id},
      name ${text} NOT NULL UNIQUE,
      email ${text} UNIQUE,
      created TEXT NOT NULL,
      disabled ${bool} NOT NULL DEFAULT FALSE,
      password_hash TEXT,
      oidc_subject ${text} UNIQUE
    );
    CREATE TABLE projects (
      name ${text} PRIMARY KEY,
      created TEXT NOT NULL,
      schema_name ${text} UNIQUE
    );
    CREATE TABLE memberships (
      user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      project ${text} NOT NULL REFERENCES projects(name) ON DELETE CASCADE,
      role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
      PRIMARY KEY (user_id, project)
    );
    CREATE TABLE api_keys (
      id ${id},
      user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      project ${text} REFERENCES projects(name) ON DELETE CASCADE,
      prefix ${text} NOT NULL UNIQUE,
      digest TEXT NOT NULL,
      created TEXT NOT NULL,
      expires TEXT,
      last_used TEXT,
      revoked TEXT
    );
    CREATE TABLE sessions (
      digest TEXT PRIMARY KEY,
      user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      created TEXT NOT NULL,
      expires TEXT NOT NULL,
      csrf_token TEXT NOT NULL
    );
    CREATE INDEX sessions_expires ON sessions(expires);`;
}
