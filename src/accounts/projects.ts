import { UsageError } from "../core/errors.js";
import { isPostgresUrl, openStore } from "../store/index.js";
import { SyncPostgres } from "../store/postgres/sync-client.js";
import { DEFAULT_PROJECT, type Project } from "./types.js";

const PROJECT_NAME = /^[a-z][a-z0-9_]{0,39}$/;

export function checkProjectName(name: string): void {
  if (!PROJECT_NAME.test(name)) {
    throw new UsageError(
      `project ${JSON.stringify(name)}: expected a lower-case letter, then up to 39 lower-case letters, digits or _`,
    );
  }
}

/** The URL with `schema` first on its search path, replacing the search path it gave. */
function withSearchPath(url: string, schema: string): string {
  const [base, query = ""] = url.split("?", 2) as [string, string?];
  const kept = query
    .split("&")
    .filter((pair) => pair !== "" && !decodeURIComponent(pair).startsWith("options=-c search_path="));
  kept.push(`options=${encodeURIComponent(`-c search_path=${schema}`)}`);
  return `${base}?${kept.join("&")}`;
}

/**
 * Where a project's knowledge base lives. On PostgreSQL each project but the first has a schema of its
 * own, so every query of its store reads only its tables; a SQLite file is one project.
 */
export function projectLocation(location: string, project: Project): string {
  if (project.schema === undefined) return location;
  return withSearchPath(location, project.schema);
}

/** Creates the schema and the knowledge tables of a new project; returns the project to record. */
export function createProjectKnowledgeBase(location: string, name: string): Project {
  checkProjectName(name);
  if (name === DEFAULT_PROJECT) throw new UsageError(`project ${name} exists: it is the knowledge base itself`);
  if (!isPostgresUrl(location)) {
    throw new UsageError(
      `a SQLite knowledge base is one project (${DEFAULT_PROJECT}): give each project its own file, or use --db postgres://… for several`,
    );
  }
  const project: Project = { name, created: new Date().toISOString(), schema: `annals_project_${name}` };
  const db = new SyncPostgres(location);
  try {
    db.query(`CREATE SCHEMA IF NOT EXISTS ${project.schema}`);
  } finally {
    db.close();
  }
  openStore(projectLocation(location, project)).close();
  return project;
}
