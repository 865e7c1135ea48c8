import { Command, CommanderError, Option } from "commander";
import { InputError, UsageError } from "../../core/errors.js";
import type { ExitCode, GlobalOptions } from "./commands.js";
import { DEFAULT_PORT } from "./defaults.js";

const USAGE_ERROR = 2;

function program(): Command {
  const root = new Command("annals")
    .description("Turn a pile of historical documents into a cited knowledge base.")
    .addOption(
      new Option("--db <location>", "knowledge base: a SQLite file or a postgres:// URL")
        .env("ANNALS_DB")
        .default("annals.db"),
    )
    .addOption(
      new Option("--project <name>", "the project's knowledge base on a PostgreSQL server").env("ANNALS_PROJECT"),
    )
    .option("--json", "machine-readable output on stdout")
    .exitOverride()
    .showSuggestionAfterError();

  /** `onProject`: --project chooses the knowledge base the action opens (account commands name projects themselves). */
  const run = (load: () => Promise<Action>, onProject = true) =>
    async function (this: Command, ...args: unknown[]) {
      const options = this.optsWithGlobals<GlobalOptions & { project?: string }>();
      if (onProject && options.project !== undefined) {
        options.db = await (await import("./account-commands.js")).projectDb(options);
      }
      const positional = args.slice(0, -2);
      const action = (await load()) as (...a: unknown[]) => ExitCode | Promise<ExitCode>;
      process.exitCode = await action(...positional, options);
    };

  root
    .command("add")
    .description("ingest files and folders (txt, Markdown, encyclopedia text, TEI XML, HTML)")
    .argument("<paths...>", "files or folders")
    .option("--workers <n>", "worker threads (0 = none)")
    .action(run(() => import("./commands.js").then((m) => m.addCommand)));
  root
    .command("documents")
    .description("list the documents, with derived copies and near-duplicates")
    .action(run(() => import("./commands.js").then((m) => m.documentsCommand)));
  root
    .command("search")
    .description('ranked passages for a query: words, "phrases", prefix*, -excluded')
    .argument("<query>", "what to look for")
    .option("--limit <n>", "number of hits", "10")
    .option("--offset <n>", "skip this many hits")
    .option("--document <id...>", "only in these documents")
    .option("--kind <kind...>", "only documents of these kinds")
    .option("--from <date>", "only documents dated on or after YYYY[-MM[-DD]]")
    .option("--to <date>", "only documents dated on or before YYYY[-MM[-DD]]")
    .action(run(() => import("./commands.js").then((m) => m.searchCommand)));
  root
    .command("annotate")
    .description("dates and names found in a file, or in standard input with -")
    .argument("[file]", "file to annotate, - for standard input", "-")
    .action(run(() => import("./commands.js").then((m) => m.annotateCommand)));
  root
    .command("entities")
    .description("people, organizations and places, most mentioned first")
    .option("--type <type>", "person, organization or place")
    .option("--limit <n>", "at most this many")
    .action(run(() => import("./knowledge-commands.js").then((m) => m.entitiesCommand)));
  root
    .command("entity")
    .description("one entity: aliases, roles, events, related actors, every mention with its quote")
    .argument("<name>", "a name, any spelling, or an entity id")
    .action(run(() => import("./knowledge-commands.js").then((m) => m.entityCommand)));
  root
    .command("events")
    .alias("timeline")
    .description("events sorted by date: the timeline")
    .option("--type <type>", "only events of this type (coup, battle, …)")
    .option("--place <place>", "only events at this place")
    .option("--actor <name>", "only events this entity (name in any spelling, or id) takes part in")
    .option("--from <date>", "only dated events that end on or after this date or period (1958, 1958-07)")
    .option("--to <date>", "only dated events that start on or before this date or the end of this period")
    .action(run(() => import("./knowledge-commands.js").then((m) => m.eventsCommand)));
  root
    .command("event")
    .description("the event card: each field with every source's value, disagreements flagged")
    .argument("<name>", "an event label (or part of it) or id")
    .action(run(() => import("./knowledge-commands.js").then((m) => m.eventCommand)));
  root
    .command("disagreements")
    .description("fields on which sources disagree")
    .action(run(() => import("./knowledge-commands.js").then((m) => m.disagreementsCommand)));
  root
    .command("graph")
    .description("the actor network: typed relations and co-participants in events, strongest links first")
    .argument("[name]", "only the actors this name (any spelling) matches and their neighbours")
    .option("--from <date>", "only quotes dated on or after this date or period (1958, 1958-07)")
    .option("--to <date>", "only quotes dated on or before this date or the end of this period")
    .option("--type <types>", "only actors of these types, comma-separated: person, organization, place")
    .option("--limit <n>", "at most this many actors, those of the strongest links first")
    .action(run(() => import("./knowledge-commands.js").then((m) => m.graphCommand)));
  root
    .command("export")
    .description("write the knowledge base in another format")
    .requiredOption("--format <format>", "json, csv, gexf, graphml, timelinejs, ftm or jsonld")
    .requiredOption("--out <path>", "file to write (a folder for csv)")
    .option("--table <table>", "with csv: only this table (default: every table)")
    .option("--type <type>", "only events of this type, in the formats and tables that hold events")
    .option("--place <place>", "only events at this place")
    .option("--actor <name>", "only events this entity (name in any spelling, or id) takes part in")
    .option("--from <date>", "only dated events that end on or after this date or period (1958, 1958-07)")
    .option("--to <date>", "only dated events that start on or before this date or the end of this period")
    .action(run(() => import("./knowledge-commands.js").then((m) => m.exportCommand)));
  addDecisionCommands(root, run);
  addAccountCommands(root, run);
  root
    .command("migrate")
    .description("copy a SQLite knowledge base into an empty PostgreSQL database")
    .requiredOption("--from <file>", "the SQLite knowledge base")
    .requiredOption("--to <url>", "postgres://user@host/database")
    .action(run(() => import("./migrate.js").then((m) => m.migrateCommand)));
  root
    .command("serve")
    .description("the HTTP API and the web UI (ANNALS_TOKEN: token for uploads, needed on a non-loopback host)")
    .option("--port <n>", "port to listen on (0 = any free port)", String(DEFAULT_PORT))
    .option("--host <address>", "address to listen on", "127.0.0.1")
    .addOption(new Option("--oidc-issuer <url>", "log in with this OpenID Connect provider").env("ANNALS_OIDC_ISSUER"))
    .addOption(new Option("--oidc-client-id <id>", "this server's client id there").env("ANNALS_OIDC_CLIENT_ID"))
    .addOption(
      new Option("--oidc-client-secret <secret>", "its client secret (prefer the variable)").env(
        "ANNALS_OIDC_CLIENT_SECRET",
      ),
    )
    .addOption(
      new Option(
        "--oidc-redirect-uri <url>",
        "the callback URL registered there (default: this server's /api/oidc/callback)",
      ).env("ANNALS_OIDC_REDIRECT_URI"),
    )
    .action(run(() => import("./serve.js").then((m) => m.serveCommand), false));
  return root;
}

/** A command's action, loaded when the command runs so that each command loads only the modules it needs. */
type Action = (...args: never[]) => ExitCode | Promise<ExitCode>;
type Run = (load: () => Promise<Action>, onProject?: boolean) => (...args: unknown[]) => Promise<void>;

/** Corrections: each records a decision (user, reason, time) and reruns the corpus stage. */
function addDecisionCommands(root: Command, run: Run): void {
  const decision = (name: string, description: string) =>
    root
      .command(name)
      .description(description)
      .option("--user <name>", "who decides (default $USER)")
      .option("--reason <text>", "why, shown beside the decision");
  decision("merge", "A and B are one entity (same-as)")
    .argument("<a>", "entity id or name")
    .argument("<b>", "entity id or name")
    .action(run(() => import("./decision-commands.js").then((m) => m.mergeCommand)));
  decision("split", "these names are not the entity (not-same-as): they leave it")
    .argument("<entity>", "entity id or name")
    .argument("<names...>", "names or aliases that leave it")
    .action(run(() => import("./decision-commands.js").then((m) => m.splitCommand)));
  decision("rename", "give an entity another name")
    .argument("<entity>", "entity id or name")
    .argument("<name>", "its new name")
    .action(run(() => import("./decision-commands.js").then((m) => m.renameCommand)));
  decision("reject", "a mention, a claim or every mention of a name is wrong")
    .argument(
      "<what>",
      "mention DOCUMENT START END | claim SUBJECT DOCUMENT QUOTE_START QUOTE_END PROPERTY VALUE | name NAME",
    )
    .argument("<args...>")
    .option("--under <path>", "name rules: only documents whose path starts with this")
    .action(run(() => import("./decision-commands.js").then((m) => m.rejectCommand)));
  decision("retype", "a mention, or every mention of a name, is of another type")
    .argument("<what>", "mention DOCUMENT START END TYPE | name NAME TYPE")
    .argument("<args...>")
    .option("--under <path>", "name rules: only documents whose path starts with this")
    .action(run(() => import("./decision-commands.js").then((m) => m.retypeCommand)));
  decision("alias", "every mention of NAME (under a path) names TARGET")
    .argument("<name>", "the name as written")
    .argument("<target>", "the name it stands for")
    .option("--under <path>", "only documents whose path starts with this")
    .action(run(() => import("./decision-commands.js").then((m) => m.aliasCommand)));
  decision("undo", "undo a decision (a tombstone: the log keeps both)")
    .argument("<id>", "decision number")
    .action(run(() => import("./decision-commands.js").then((m) => m.undoCommand)));
  root
    .command("decisions")
    .description("the corrections made, with status (applied, orphaned and why, undone)")
    .option("--export <file>", "write every decision as JSON lines")
    .option("--import <file>", "append the decisions of a JSON lines export")
    .action(run(() => import("./decision-commands.js").then((m) => m.decisionsCommand)));
}

/** Users, projects, roles and API keys of a team server (docs: README "Team server: accounts"). */
function addAccountCommands(root: Command, runOnProject: Run): void {
  const run: Run = (load) => runOnProject(load, false);
  const users = root.command("users").description("the accounts of a team server");
  users
    .command("add")
    .description("add a user (a team server needs a login once one exists)")
    .argument("<name>", "user name")
    .option("--email <address>", "email, also what OpenID Connect logins are matched by")
    .option("--password-stdin", "read a password for the web UI's login from standard input")
    .action(run(() => import("./account-commands.js").then((m) => m.usersAddCommand)));
  users
    .command("list")
    .description("users with their projects and roles")
    .action(run(() => import("./account-commands.js").then((m) => m.usersListCommand)));
  users
    .command("password")
    .description("set a user's password from standard input")
    .argument("<name>")
    .action(run(() => import("./account-commands.js").then((m) => m.usersPasswordCommand)));
  users
    .command("disable")
    .description("refuse a user's keys and sessions (--enable undoes it)")
    .argument("<name>")
    .option("--enable", "allow the user again")
    .action(run(() => import("./account-commands.js").then((m) => m.usersDisableCommand)));
  const projects = root.command("projects").description("the knowledge bases of a PostgreSQL server");
  projects
    .command("add")
    .description("a new, empty knowledge base (a schema of its own)")
    .argument("<name>")
    .action(run(() => import("./account-commands.js").then((m) => m.projectsAddCommand)));
  projects
    .command("list")
    .description("the projects")
    .action(run(() => import("./account-commands.js").then((m) => m.projectsListCommand)));
  root
    .command("grant")
    .description("give USER a ROLE (viewer, editor, admin) in PROJECT")
    .argument("<user>")
    .argument("<project>")
    .argument("<role>")
    .action(run(() => import("./account-commands.js").then((m) => m.grantCommand)));
  const keys = root.command("keys").description("API keys (stored as digests; shown once)");
  keys
    .command("create")
    .description("a new API key for USER, printed once")
    .argument("<user>")
    .option("--expires <duration>", "valid for this long: 30d, 12h, 2w, 1y (default: until revoked)")
    .option("--for-project <name>", "only for this project")
    .action(run(() => import("./account-commands.js").then((m) => m.keysCreateCommand)));
  keys
    .command("revoke")
    .description("revoke a key by its prefix")
    .argument("<prefix>")
    .action(run(() => import("./account-commands.js").then((m) => m.keysRevokeCommand)));
  keys
    .command("list")
    .description("keys with their state and last use")
    .argument("[user]")
    .action(run(() => import("./account-commands.js").then((m) => m.keysListCommand)));
}

export async function main(argv: string[]): Promise<void> {
  // `annals entities | head`: the reader has what it wanted; stop without a stack trace.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(process.exitCode ?? 0);
  });
  try {
    await program().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : USAGE_ERROR;
      return;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`annals: ${error.message}\n`);
      process.exitCode = USAGE_ERROR;
      return;
    }
    if (error instanceof InputError) {
      process.stderr.write(`annals: ${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "EACCES") {
      process.stderr.write(`annals: ${(error as Error).message}; check the path\n`);
      process.exitCode = USAGE_ERROR;
      return;
    }
    throw error;
  }
}
