/** Debian's chromium, which the browser tests and the UI benchmark drive with playwright-core. */
export const CHROMIUM = "/usr/bin/chromium";

/** Headless, and nothing that reaches for a network this machine does not have. */
export const CHROMIUM_ARGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
