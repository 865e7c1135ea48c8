import type { KnowledgeBase } from "./knowledge-base.js";
import type { RoleToken } from "./security.js";

export interface RouteContext {
  annals: KnowledgeBase;
  host: string;
  token?: string;
  tokens?: readonly RoleToken[];
  /** Where uploads are written before they are ingested; without it POST /api/documents answers 503. */
  uploadDir?: string;
  maxUploadBytes: number;
  /** Ingest worker threads for uploads (0 = inline). */
  ingestWorkers: number;
}
