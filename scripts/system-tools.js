// The Debian packages some tests drive, and how to tell each is present.
import { existsSync, readdirSync } from "node:fs";

/** True when some PostgreSQL version's initdb is installed (Debian's layout). */
export const postgresInstalled = () =>
  existsSync("/usr/lib/postgresql") &&
  readdirSync("/usr/lib/postgresql").some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));

export const TOOLS = [
  {
    purpose: "building better-sqlite3 and the ranking extension (C and C++ compilers, make, Python for node-gyp)",
    packages: ["build-essential", "python3"],
    present: () =>
      ["/usr/bin/cc", "/usr/bin/c++", "/usr/bin/make", "/usr/bin/python3"].every((path) => existsSync(path)),
  },
  { purpose: "the browser tests", packages: ["chromium"], present: () => existsSync("/usr/bin/chromium") },
  {
    purpose: "the OCR tests",
    packages: ["tesseract-ocr", "tesseract-ocr-eng", "tesseract-ocr-ara", "poppler-utils"],
    present: () =>
      existsSync("/usr/bin/tesseract") &&
      existsSync("/usr/bin/pdftoppm") &&
      existsSync("/usr/share/tesseract-ocr/5/tessdata/ara.traineddata"),
  },
  { purpose: "the PostgreSQL store suites", packages: ["postgresql"], present: postgresInstalled },
];
