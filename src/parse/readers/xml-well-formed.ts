import { SaxesParser } from "saxes";
import { InputError } from "../../core/errors.js";

/**
 * Throws `InputError` code `malformed-xml`, naming the line and column, unless `text` is
 * well-formed XML. Its `offset` is a character offset in `text`.
 */
export function assertWellFormedXml(text: string): void {
  const parser = new SaxesParser({ position: true });
  parser.on("error", (error) => {
    const reason = error.message.replace(/^\d+:\d+:\s*/, "").replace(/\.$/, "");
    throw new InputError(
      `is not well-formed XML: ${reason} at line ${parser.line}, column ${parser.column}; ` +
        "fix the markup there (an unclosed or mismatched tag is the usual cause) or save the file as plain text",
      "malformed-xml",
      Math.max(0, parser.position - 1),
    );
  });
  parser.write(text).close();
}
