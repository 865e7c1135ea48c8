import { opendir, realpath, stat, lstat } from "node:fs/promises";
import { join } from "node:path";
import { describeFsError } from "./fs-errors.js";

export interface FoundFile {
  /** The path as the user gave it, or joined under the folder they gave. */
  path: string;
  size: number;
  mtimeMs: number;
}

export interface FileFailure {
  path: string;
  error: string;
}

export type Discovered = { file: FoundFile } | { failure: FileFailure };

/**
 * Walks the given files and folders depth-first in name order, following symbolic links but never
 * entering a folder twice, so a symlink loop is reported once instead of recursing forever.
 * Hidden entries (names starting with ".") inside folders are skipped.
 */
export async function* discover(paths: readonly string[]): AsyncGenerator<Discovered> {
  const visitedFolders = new Set<string>();
  for (const path of paths) yield* visit(path, visitedFolders, true);
}

async function* visit(path: string, visitedFolders: Set<string>, explicit: boolean): AsyncGenerator<Discovered> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    yield { failure: { path, error: await describeStatError(path, error, explicit) } };
    return;
  }
  if (info.isDirectory()) {
    yield* visitFolder(path, visitedFolders);
  } else if (info.isFile()) {
    yield { file: { path, size: info.size, mtimeMs: info.mtimeMs } };
  } else {
    yield { failure: { path, error: "not a regular file (device, socket or pipe); remove it from the input" } };
  }
}

async function* visitFolder(path: string, visitedFolders: Set<string>): AsyncGenerator<Discovered> {
  let real: string;
  try {
    real = await realpath(path);
  } catch (error) {
    yield { failure: { path, error: describeFsError(error, "cannot resolve folder") } };
    return;
  }
  if (visitedFolders.has(real)) {
    yield { failure: { path, error: `symbolic link loop: this folder is ${real}, already read; nothing to do` } };
    return;
  }
  visitedFolders.add(real);
  let names: string[];
  try {
    names = [];
    for await (const entry of await opendir(path)) names.push(entry.name);
  } catch (error) {
    yield { failure: { path, error: describeFsError(error, "cannot list folder") } };
    return;
  }
  names.sort();
  for (const name of names) {
    if (name.startsWith(".")) continue;
    yield* visit(join(path, name), visitedFolders, false);
  }
}

async function describeStatError(path: string, error: unknown, explicit: boolean): Promise<string> {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ELOOP") return "symbolic link loop: the link points back to itself; remove or fix the link";
  if (code === "ENOENT") {
    const dangling = await lstat(path).then(
      (l) => l.isSymbolicLink(),
      () => false,
    );
    if (dangling) return "broken symbolic link: its target does not exist; fix or remove the link";
    return explicit ? "no such file or folder; check the path" : "file disappeared while reading the folder; run again";
  }
  return describeFsError(error, "cannot read");
}
