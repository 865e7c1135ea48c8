import { readFileSync } from "node:fs";
import { Accounts } from "../../accounts/accounts.js";
import { openAccountStore } from "../../accounts/index.js";
import { projectLocation } from "../../accounts/projects.js";
import { parseDuration } from "../../accounts/secrets.js";
import { DEFAULT_PROJECT } from "../../accounts/types.js";
import { UsageError } from "../../core/errors.js";
import type { ExitCode, GlobalOptions } from "./commands.js";
import { bold, dim, printJson, printLine } from "./output.js";

async function withAccounts<T>(options: GlobalOptions, work: (accounts: Accounts) => T | Promise<T>): Promise<T> {
  const accounts = new Accounts(openAccountStore(options.db), options.db);
  try {
    return await work(accounts);
  } finally {
    accounts.close();
  }
}

/** The first line of standard input: a password never goes on the command line. */
function passwordFromStdin(): string {
  const line = readFileSync(0, "utf8").split(/\r?\n/)[0] ?? "";
  if (line === "") throw new UsageError("--password-stdin: standard input holds no password");
  return line;
}

/** The location of `project`'s knowledge base (`--project`): the knowledge base itself for the default one. */
export async function projectDb(options: GlobalOptions & { project?: string }): Promise<string> {
  if (options.project === undefined || options.project === DEFAULT_PROJECT) return options.db;
  return withAccounts(options, (accounts) => projectLocation(options.db, accounts.project(options.project!)));
}

export function usersAddCommand(
  name: string,
  options: GlobalOptions & { email?: string; passwordStdin?: boolean },
): Promise<ExitCode> {
  return withAccounts<ExitCode>(options, async (accounts): Promise<ExitCode> => {
    const user = await accounts.addUser(name, {
      ...(options.email ? { email: options.email } : {}),
      ...(options.passwordStdin ? { password: passwordFromStdin() } : {}),
    });
    if (options.json) printJson(user);
    else printLine(`${bold(user.name)} added; give them a role with annals grant ${user.name} PROJECT ROLE`);
    return 0;
  });
}

export function usersPasswordCommand(name: string, options: GlobalOptions): Promise<ExitCode> {
  return withAccounts<ExitCode>(options, async (accounts): Promise<ExitCode> => {
    await accounts.setPassword(name, passwordFromStdin());
    printLine(`password of ${name} set`);
    return 0;
  });
}

export function usersListCommand(options: GlobalOptions): Promise<ExitCode> {
  return withAccounts<ExitCode>(options, (accounts) => {
    const memberships = accounts.store.memberships();
    const users = accounts.store.users().map((user) => ({
      ...user,
      projects: memberships.filter((m) => m.user === user.name).map(({ project, role }) => ({ project, role })),
    }));
    if (options.json) printJson(users);
    for (const u of options.json ? [] : users) {
      const roles = u.projects.map((p) => `${p.project}: ${p.role}`).join(", ") || "no project";
      printLine(`${bold(u.name)} ${u.email ?? ""} ${dim(`(${roles}${u.disabled ? "; disabled" : ""})`)}`);
    }
    return 0;
  });
}

export function usersDisableCommand(name: string, options: GlobalOptions & { enable?: boolean }): Promise<ExitCode> {
  return withAccounts<ExitCode>(options, (accounts) => {
    accounts.setDisabled(name, !options.enable);
    printLine(`${name} ${options.enable ? "enabled" : "disabled"}`);
    return 0;
  });
}

export function projectsAddCommand(name: string, options: GlobalOptions): Promise<ExitCode> {
  return withAccounts<ExitCode>(options, (accounts) => {
    const project = accounts.addProject(name);
    if (options.json) printJson(project);
    else printLine(`project ${bold(project.name)} added (schema ${project.schema ?? "of the URL"})`);
    return 0;
  });
}

export function projectsListCommand(options: GlobalOptions): Promise<ExitCode> {
  return withAccounts<ExitCode>(options, (accounts) => {
    const projects = accounts.store.projects();
    if (options.json) printJson(projects);
    else for (const p of projects) printLine(`${bold(p.name)} ${dim(p.schema ?? "")}`);
    return 0;
  });
}

export function grantCommand(user: string, project: string, role: string, options: GlobalOptions): Promise<ExitCode> {
  return withAccounts<ExitCode>(options, (accounts) => {
    accounts.grant(user, project, role);
    printLine(`${user} is ${role} in ${project}`);
    return 0;
  });
}

export function keysCreateCommand(
  user: string,
  options: GlobalOptions & { expires?: string; forProject?: string },
): Promise<ExitCode> {
  const expiresInMs = options.expires === undefined ? undefined : parseDuration(options.expires, "--expires");
  return withAccounts<ExitCode>(options, (accounts) => {
    const { key, record } = accounts.createKey(user, {
      ...(options.forProject === undefined ? {} : { project: options.forProject }),
      ...(expiresInMs === undefined ? {} : { expiresInMs }),
    });
    if (options.json) printJson({ key, prefix: record.prefix, expires: record.expires ?? null });
    else {
      printLine(key);
      process.stderr.write(
        `annals: API key ${record.prefix} of ${user}${record.expires ? `, valid until ${record.expires}` : ""}; it is shown only now (send it as Authorization: Bearer …)\n`,
      );
    }
    return 0;
  });
}

export function keysRevokeCommand(prefix: string, options: GlobalOptions): Promise<ExitCode> {
  return withAccounts<ExitCode>(options, (accounts) => {
    if (!accounts.revokeKey(prefix))
      throw new UsageError(`no API key ${prefix} that is not revoked yet (annals keys list)`);
    printLine(`API key ${prefix} revoked`);
    return 0;
  });
}

export function keysListCommand(user: string | undefined, options: GlobalOptions): Promise<ExitCode> {
  return withAccounts<ExitCode>(options, (accounts) => {
    const names = new Map(accounts.store.users().map((u) => [u.id, u.name]));
    const keys = accounts.store
      .keys(user === undefined ? undefined : accounts.user(user).id)
      .map(({ digest: _digest, ...key }) => ({ ...key, user: names.get(key.userId) ?? "" }));
    if (options.json) printJson(keys);
    for (const k of options.json ? [] : keys) {
      const state = k.revoked ? `revoked ${k.revoked}` : k.expires ? `expires ${k.expires}` : "no expiry";
      printLine(
        `${bold(k.prefix)} ${k.user}${k.project ? ` (${k.project})` : ""} ${dim(`${state}; last used ${k.lastUsed ?? "never"}`)}`,
      );
    }
    return 0;
  });
}
