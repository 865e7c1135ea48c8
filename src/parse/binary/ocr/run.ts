import { spawn } from "node:child_process";
import { InputError } from "../../../core/errors.js";

export interface RunOptions {
  input?: Uint8Array;
  timeoutMs: number;
  /** What is being done, for messages: "OCR of page 3". */
  task: string;
  /** Largest output kept; past it the program is stopped. */
  maxOutputBytes: number;
}

/** Runs a program with its input on stdin and returns its stdout, bounded in time and in output. */
export function runProgram(program: string, args: readonly string[], options: RunOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ["pipe", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = "";
    let failure: InputError | undefined;
    const stop = (error: InputError) => {
      failure ??= error;
      child.kill("SIGKILL");
    };
    const timer = setTimeout(
      () =>
        stop(
          new InputError(
            `${options.task} took longer than ${options.timeoutMs / 1000} s and was stopped; split the file or check that the page is a readable scan`,
            "ocr-timeout",
          ),
        ),
      options.timeoutMs,
    );
    child.stdout.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > options.maxOutputBytes) {
        stop(
          new InputError(
            `${options.task} produced more than ${options.maxOutputBytes} bytes; the page is too large`,
            "ocr-output",
          ),
        );
      } else chunks.push(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      if (stderr.length < 2000) stderr += chunk.toString("utf8");
    });
    child.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (error.code === "ENOENT") reject(missingProgram(program));
      else reject(new InputError(`${options.task} could not run ${program}: ${error.message}`, "ocr-failed"));
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (failure) reject(failure);
      else if (code !== 0)
        reject(
          new InputError(
            `${options.task} failed (${program}: ${lastLine(stderr)}); check that the file is complete and opens in an image viewer`,
            "ocr-failed",
          ),
        );
      else resolve(Buffer.concat(chunks));
    });
    child.stdin.on("error", () => undefined);
    child.stdin.end(options.input);
  });
}

const PACKAGES: Record<string, string> = { tesseract: "tesseract-ocr", pdftoppm: "poppler-utils" };

export function missingProgram(program: string): InputError {
  const pkg = PACKAGES[program] ?? program;
  return new InputError(
    `needs ${program} to read scanned pages, and it is not installed; install it (Debian: apt-get install ${pkg}) and add the file again`,
    "ocr-missing",
  );
}

function lastLine(text: string): string {
  const lines = text.trim().split("\n");
  return lines[lines.length - 1]?.trim() || "no message";
}
