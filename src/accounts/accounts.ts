import { InputError, UsageError } from "../core/errors.js";
import { publicUser } from "./rows.js";
import { createProjectKnowledgeBase, checkProjectName } from "./projects.js";
import { hashPassword, newApiKey, parseApiKey, randomSecret, sameDigest, sha256, verifyPassword } from "./secrets.js";
import {
  ROLES,
  type AccountStore,
  type ApiKeyRecord,
  type Project,
  type Role,
  type User,
  type UserCredentials,
} from "./types.js";

const USER_NAME = /^[\p{L}\p{N}][\p{L}\p{N}._@-]{0,99}$/u;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Who a credential belongs to, or why it is refused (shown to the client as is). */
export type Authentication = { user: User; key?: ApiKeyRecord; csrfToken?: string } | { refused: string };

export interface NewSession {
  /** The cookie's value: shown to the browser only; its digest is stored. */
  id: string;
  csrfToken: string;
  expires: string;
}

export const SESSION_TTL_MS = 12 * 3_600_000;

/** Accounts as the CLI and the HTTP server use them: users, projects, roles, API keys, sessions. */
export class Accounts {
  constructor(
    readonly store: AccountStore,
    /** The knowledge base's location, where new projects are created. */
    private readonly location: string,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private hasUsers = false;

  /** Whether anyone has an account: without one the server runs as a single-user one. */
  configured(): boolean {
    // Users are disabled, never deleted: once there is one, the answer stays (no query per request).
    this.hasUsers ||= this.store.countUsers() > 0;
    return this.hasUsers;
  }

  async addUser(
    name: string,
    options: { email?: string; password?: string; oidcSubject?: string } = {},
  ): Promise<User> {
    if (!USER_NAME.test(name)) {
      throw new UsageError(
        `user ${JSON.stringify(name)}: expected a letter or digit, then letters, digits, . _ @ or -`,
      );
    }
    if (options.email !== undefined && !EMAIL.test(options.email)) {
      throw new UsageError(`--email ${options.email}: expected an address such as maria@example.org`);
    }
    if (this.store.findUser(name) || (options.email && this.store.findUser(options.email))) {
      throw new UsageError(`user ${name}${options.email ? ` or ${options.email}` : ""} exists already`);
    }
    return this.store.addUser({
      name,
      ...(options.email ? { email: options.email } : {}),
      ...(options.password ? { passwordHash: await this.passwordHash(options.password) } : {}),
      ...(options.oidcSubject ? { oidcSubject: options.oidcSubject } : {}),
    });
  }

  async setPassword(name: string, password: string): Promise<void> {
    this.store.updateUser(this.user(name).id, { passwordHash: await this.passwordHash(password) });
  }

  private async passwordHash(password: string): Promise<string> {
    if (password.length < 8) throw new UsageError("a password needs at least 8 characters");
    return hashPassword(password);
  }

  setDisabled(name: string, disabled: boolean): void {
    this.store.updateUser(this.user(name).id, { disabled });
  }

  /** The user with this name or email, or an InputError naming it. */
  user(nameOrEmail: string): UserCredentials {
    const user = this.store.findUser(nameOrEmail);
    if (!user)
      throw new InputError(`no user ${JSON.stringify(nameOrEmail)}; add one with annals users add`, "not-found");
    return user;
  }

  project(name: string): Project {
    const project = this.store.findProject(name);
    if (!project)
      throw new InputError(`no project ${JSON.stringify(name)}; add one with annals projects add`, "not-found");
    return project;
  }

  addProject(name: string): Project {
    checkProjectName(name);
    if (this.store.findProject(name)) throw new UsageError(`project ${name} exists already`);
    return this.store.addProject(createProjectKnowledgeBase(this.location, name));
  }

  grant(userName: string, projectName: string, role: string): void {
    if (!ROLES.includes(role as Role)) throw new UsageError(`role ${role}: expected one of ${ROLES.join(", ")}`);
    this.store.grant(this.user(userName).id, this.project(projectName).name, role as Role);
  }

  /** The role of a user in a project, none when not a member. */
  roleOf(user: User, project: string): Role | undefined {
    return this.store.roleOf(user.id, project);
  }

  /** A new API key for the user (restricted to a project when given): the key is returned once, only its digest kept. */
  createKey(
    userName: string,
    options: { project?: string; expiresInMs?: number } = {},
  ): { key: string; record: ApiKeyRecord } {
    const user = this.user(userName);
    if (options.project !== undefined) this.project(options.project);
    const { key, prefix, digest } = newApiKey();
    const created = this.clock();
    const record = this.store.addKey({
      userId: user.id,
      ...(options.project === undefined ? {} : { project: options.project }),
      prefix,
      digest,
      created: created.toISOString(),
      ...(options.expiresInMs === undefined
        ? {}
        : { expires: new Date(created.getTime() + options.expiresInMs).toISOString() }),
    });
    return { key, record };
  }

  /** Revokes the key with this prefix (or the key itself); false when there is no such unrevoked key. */
  revokeKey(prefixOrKey: string): boolean {
    const prefix = parseApiKey(prefixOrKey)?.prefix ?? prefixOrKey.replace(/^annals_/, "");
    return this.store.revokeKey(prefix, this.clock().toISOString());
  }

  authenticateKey(key: string): Authentication {
    const parsed = parseApiKey(key);
    if (!parsed) return { refused: "this is no annals API key (annals_…); create one with annals keys create" };
    const record = this.store.keyByPrefix(parsed.prefix);
    if (!record || !sameDigest(record.digest, parsed.digest)) return { refused: "unknown API key" };
    const now = this.clock().toISOString();
    if (record.revoked) return { refused: `API key ${record.prefix} was revoked on ${record.revoked}` };
    if (record.expires && record.expires <= now) {
      return {
        refused: `API key ${record.prefix} expired on ${record.expires}; create a new one with annals keys create`,
      };
    }
    const user = this.store.userById(record.userId);
    if (!user || user.disabled) return { refused: `the account of API key ${record.prefix} is disabled` };
    this.store.touchKey(record.id, now);
    return { user: publicUser(user), key: record };
  }

  /** The user whose password this is; the same work is done whether or not the user exists. */
  async checkPassword(nameOrEmail: string, password: string): Promise<Authentication> {
    const user = this.store.findUser(nameOrEmail);
    const matches = await verifyPassword(password, user?.passwordHash);
    if (!user || !matches) return { refused: "wrong user name or password" };
    if (user.disabled) return { refused: `the account of ${user.name} is disabled` };
    return { user: publicUser(user) };
  }

  startSession(user: User, ttlMs = SESSION_TTL_MS): NewSession {
    const id = randomSecret();
    const created = this.clock();
    const session = {
      digest: sha256(id),
      userId: user.id,
      created: created.toISOString(),
      expires: new Date(created.getTime() + ttlMs).toISOString(),
      csrfToken: randomSecret(),
    };
    this.store.deleteExpiredSessions(session.created);
    this.store.addSession(session);
    return { id, csrfToken: session.csrfToken, expires: session.expires };
  }

  authenticateSession(id: string): Authentication {
    const session = this.store.sessionByDigest(sha256(id));
    if (!session) return { refused: "the session is unknown or was ended; log in again" };
    if (session.expires <= this.clock().toISOString())
      return { refused: `the session expired on ${session.expires}; log in again` };
    const user = this.store.userById(session.userId);
    if (!user || user.disabled) return { refused: "the account of this session is disabled" };
    return { user: publicUser(user), csrfToken: session.csrfToken };
  }

  endSession(id: string): void {
    this.store.deleteSession(sha256(id));
  }

  /** The projects a user may open, with the role in each. */
  projectsOf(user: User): { project: string; role: Role }[] {
    return this.store.memberships(user.id).map(({ project, role }) => ({ project, role }));
  }

  close(): void {
    this.store.close();
  }
}
