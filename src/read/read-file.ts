import { open } from "node:fs/promises";
import { InputError } from "../core/errors.js";
import { describeFsError } from "./fs-errors.js";

/** Files above this size are refused rather than risk the memory bound. Default 256 MiB. */
export const DEFAULT_MAX_FILE_BYTES = 256 * 1024 * 1024;

/** Reads a whole file, refusing what is too large or vanished, with a one-line reason. */
export async function readFileBytes(path: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, "r");
  } catch (error) {
    throw new InputError(describeFsError(error, "cannot open"), "unreadable");
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new InputError("not a regular file; remove it from the input", "not-a-file");
    if (info.size > maxBytes) {
      throw new InputError(
        `file is ${(info.size / 1048576).toFixed(0)} MiB, above the ${(maxBytes / 1048576).toFixed(0)} MiB limit; split it or raise --max-file-size`,
        "too-large",
      );
    }
    const buffer = await handle.readFile();
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(describeFsError(error, "cannot read"), "unreadable");
  } finally {
    await handle.close();
  }
}
