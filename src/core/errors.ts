/** An input problem the user can act on. `offset` is a byte offset in the file when known. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly offset?: number,
  ) {
    super(message);
    this.name = "InputError";
  }
}

/** Bad command-line usage: exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
