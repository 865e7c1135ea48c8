import { existsSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { Accounts } from "../../accounts/accounts.js";
import { openAccountStore } from "../../accounts/index.js";
import { projectLocation } from "../../accounts/projects.js";
import type { Project } from "../../accounts/types.js";
import { Annals } from "../../annals.js";
import { UsageError } from "../../core/errors.js";
import { buildApp, DEFAULT_HOST, UnsafeOptionsError } from "../http/app.js";
import type { OidcOptions } from "../http/oidc.js";
import { parseRoleTokens, type RoleToken } from "../http/security.js";
import type { ExitCode, GlobalOptions } from "./commands.js";
import { DEFAULT_PORT } from "./defaults.js";
import { isPostgresUrl } from "../../store/index.js";
import { redacted } from "../../store/postgres/postgres-store.js";

export interface ServeOptions extends GlobalOptions {
  port?: string;
  host?: string;
  oidcIssuer?: string;
  oidcClientId?: string;
  oidcClientSecret?: string;
  oidcRedirectUri?: string;
}

/** The OpenID Connect options, all or none. */
function oidcOptions(options: ServeOptions): OidcOptions | undefined {
  const { oidcIssuer: issuer, oidcClientId: clientId, oidcClientSecret: clientSecret } = options;
  if (issuer === undefined && clientId === undefined && clientSecret === undefined) return undefined;
  if (!issuer || !clientId || !clientSecret) {
    throw new UsageError(
      "OpenID Connect login needs --oidc-issuer, --oidc-client-id and --oidc-client-secret together",
    );
  }
  return {
    issuer,
    clientId,
    clientSecret,
    ...(options.oidcRedirectUri ? { redirectUri: options.oidcRedirectUri } : {}),
  };
}

/** The staging folder for uploads: beside a SQLite knowledge base, named after it; in the working folder for a server's. */
export function uploadDirFor(db: string): string {
  if (isPostgresUrl(db)) return resolve("annals-postgres.uploads");
  const path = resolve(db);
  return join(dirname(path), `${basename(path)}.uploads`);
}

/**
 * `annals serve`: the HTTP API and the web UI until SIGINT or SIGTERM. Prints the URL on stdout.
 * Listens on 127.0.0.1 unless --host says otherwise; another host needs ANNALS_TOKEN.
 */
export async function serveCommand(options: ServeOptions): Promise<ExitCode> {
  const host = options.host ?? DEFAULT_HOST;
  const port = options.port === undefined ? DEFAULT_PORT : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port ${options.port}: expected a port number from 0 to 65535`);
  }
  const token = process.env["ANNALS_TOKEN"] || undefined;
  let tokens: RoleToken[];
  try {
    tokens = parseRoleTokens(process.env["ANNALS_TOKENS"] ?? "");
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const oidc = oidcOptions(options);
  const server = isPostgresUrl(options.db);
  const fresh = !server && !existsSync(options.db);
  const annals = Annals.open(options.db);
  const accounts = new Accounts(openAccountStore(options.db), options.db);
  const opened: Annals[] = [];
  const team = {
    accounts,
    open: (project: Project) => {
      const kb = Annals.open(projectLocation(options.db, project));
      opened.push(kb);
      return kb;
    },
  };
  const closeAll = () => {
    for (const kb of [annals, ...opened]) kb.close();
    accounts.close();
  };
  const shown = server ? redacted(options.db) : options.db;
  let app;
  try {
    app = await buildApp(annals, {
      host,
      ...(token ? { token } : {}),
      ...(tokens.length > 0 ? { tokens } : {}),
      uploadDir: uploadDirFor(options.db),
      team,
      ...(oidc ? { oidc } : {}),
      logger: { level: process.env["ANNALS_LOG"] ?? "warn" },
    });
  } catch (error) {
    closeAll();
    if (error instanceof UnsafeOptionsError) throw new UsageError(error.message);
    throw error;
  }
  try {
    await app.listen({ host, port });
  } catch (error) {
    await app.close();
    closeAll();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") throw new UsageError(`port ${port} on ${host} is in use; pass --port`);
    if (code === "EADDRNOTAVAIL") throw new UsageError(`--host ${host}: no such address on this machine`);
    throw error;
  }
  const address = app.server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  if (accounts.configured())
    process.stderr.write("annals: accounts are set up: every request needs a login or an API key\n");
  if (fresh) process.stderr.write(`annals: ${shown} is a new, empty knowledge base; add files with annals add\n`);
  process.stdout.write(`annals: serving ${shown} at http://${shownHost}:${actualPort}/\n`);

  await new Promise<void>((done) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      done();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  await app.close();
  closeAll();
  return 0;
}
