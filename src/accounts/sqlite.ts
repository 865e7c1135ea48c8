import Database from "better-sqlite3";
import { accountMigrations } from "./schema.js";
import { SqlAccountStore, type SqlRunner } from "./sql-account-store.js";

/** The statement with `$n` placeholders as SQLite's `?`, and the values in their order (booleans as 0/1). */
function positional(sql: string, values: readonly unknown[]): [string, unknown[]] {
  const ordered: unknown[] = [];
  const text = sql.replace(/\$(\d+)/g, (_, n: string) => {
    const value = values[Number(n) - 1];
    ordered.push(typeof value === "boolean" ? Number(value) : value);
    return "?";
  });
  return [text, ordered];
}

function sqliteRunner(db: Database.Database): SqlRunner {
  const statement = (sql: string, values: readonly unknown[]) => {
    const [text, ordered] = positional(sql, values);
    return { prepared: db.prepare(text), ordered };
  };
  return {
    rows: <Row>(sql: string, values: readonly unknown[] = []) => {
      const { prepared, ordered } = statement(sql, values);
      return prepared.all(...ordered) as Row[];
    },
    run: (sql, values = []) => {
      const { prepared, ordered } = statement(sql, values);
      return prepared.run(...ordered).changes;
    },
    close: () => db.close(),
  };
}

function migrate(db: Database.Database): void {
  db.exec("CREATE TABLE IF NOT EXISTS account_schema (version INTEGER NOT NULL)");
  db.transaction(() => {
    const row = db.prepare("SELECT max(version) AS version FROM account_schema").get() as { version: number | null };
    const migrations = accountMigrations({ id: "INTEGER PRIMARY KEY AUTOINCREMENT", text: "TEXT", bool: "INTEGER" });
    migrations.slice(row.version ?? 0).forEach((sql, i) => {
      db.exec(sql);
      db.prepare("INSERT INTO account_schema (version) VALUES (?)").run((row.version ?? 0) + i + 1);
    });
  }).immediate();
}

/** The accounts of a SQLite knowledge base, in its own file beside the knowledge tables (a connection of its own). */
export function openSqliteAccountStore(path: string): SqlAccountStore {
  const db = new Database(path, { timeout: 10_000 });
  try {
    if (path !== ":memory:") db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    migrate(db);
    return new SqlAccountStore(sqliteRunner(db));
  } catch (error) {
    db.close();
    throw error;
  }
}
