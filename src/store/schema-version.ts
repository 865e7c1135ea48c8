import { InputError } from "../core/errors.js";

/** A schema change. Versions are consecutive from 1; never edit a released migration: append a new one. */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

/** How a backend keeps its schema version; the SQL of its migrations is its own. */
export interface VersionedSchema {
  /** Names the database in messages. */
  readonly where: string;
  /** The version applied last (0: an empty database), after checking the database is an annals knowledge base. */
  version(): number;
  /** Runs `step` in one transaction that no other process migrating the same database runs beside. */
  exclusively(step: () => void): void;
  /** Runs the migration's SQL and records its version (inside `exclusively`). */
  apply(migration: Migration): void;
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

/** The schema's version; throws when a newer annals wrote it. */
export function checkedVersion(schema: VersionedSchema, migrations: readonly Migration[]): number {
  const version = schema.version();
  const latest = latestVersion(migrations);
  if (version > latest) {
    throw new InputError(
      `${schema.where} was written by a newer annals (schema version ${version}; this annals knows up to ${latest}): upgrade annals to open it`,
      "newer-schema",
    );
  }
  return version;
}

/**
 * Applies every migration newer than the schema, in order, one transaction each; the version is read
 * again inside it, since another process may have migrated meanwhile.
 */
export function migrateSchema(schema: VersionedSchema, migrations: readonly Migration[]): void {
  if (checkedVersion(schema, migrations) === latestVersion(migrations)) return;
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    schema.exclusively(() => {
      if (checkedVersion(schema, migrations) < migration.version) schema.apply(migration);
    });
  }
}
