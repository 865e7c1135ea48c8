import { SyncPostgres } from "../store/postgres/sync-client.js";
import { accountMigrations } from "./schema.js";
import { SqlAccountStore, type SqlRunner } from "./sql-account-store.js";

function postgresRunner(db: SyncPostgres): SqlRunner {
  return {
    rows: <Row>(sql: string, values: readonly unknown[] = []) => db.query(sql, values).rows as Row[],
    run: (sql, values = []) => db.query(sql, values).rowCount,
    close: () => db.close(),
  };
}

/** Applies the account migrations under an advisory lock, so two processes opening one database do not both do it. */
function migrate(db: SyncPostgres): void {
  db.transaction(() => {
    db.query("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.account_schema'))");
    db.query("CREATE TABLE IF NOT EXISTS account_schema (version INTEGER NOT NULL)");
    const done = Number(db.query<{ v: number | null }>("SELECT max(version) AS v FROM account_schema").rows[0]?.v ?? 0);
    const migrations = accountMigrations({
      id: "INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
      text: `TEXT COLLATE "C"`,
      bool: "BOOLEAN",
    });
    migrations.slice(done).forEach((sql, i) => {
      db.query(sql);
      db.query("INSERT INTO account_schema (version) VALUES ($1)", [done + i + 1]);
    });
  });
}

/** The accounts of a PostgreSQL knowledge base, in the first schema of the URL's search path. */
export function openPostgresAccountStore(url: string): SqlAccountStore {
  const db = new SyncPostgres(url);
  try {
    migrate(db);
    return new SqlAccountStore(postgresRunner(db));
  } catch (error) {
    db.close();
    throw error;
  }
}
