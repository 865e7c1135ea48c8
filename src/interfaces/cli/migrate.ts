import { existsSync } from "node:fs";
import { UsageError } from "../../core/errors.js";
import { isPostgresUrl } from "../../store/index.js";
import { migrateSqliteToPostgres } from "../../store/postgres/import-sqlite.js";
import { redacted } from "../../store/postgres/postgres-store.js";
import type { ExitCode, GlobalOptions } from "./commands.js";
import { printJson, printLine } from "./output.js";

/** `annals migrate --from kb.db --to postgres://…`: the whole knowledge base, in one transaction. */
export function migrateCommand(options: GlobalOptions & { from: string; to: string }): ExitCode {
  if (isPostgresUrl(options.from)) throw new UsageError("--from: expected a SQLite knowledge base file");
  if (!isPostgresUrl(options.to)) throw new UsageError("--to: expected a postgres:// or postgresql:// URL");
  if (!existsSync(options.from)) throw new UsageError(`--from ${options.from}: no such file`);
  const report = migrateSqliteToPostgres(options.from, options.to);
  if (options.json) printJson(report);
  else {
    const counts = Object.entries(report.tables).map(([table, rows]) => `${rows} ${table}`);
    printLine(`copied ${options.from} to ${redacted(options.to)}: ${counts.join(", ")}`);
  }
  return 0;
}
