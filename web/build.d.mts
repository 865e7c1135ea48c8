/** Builds web/dist when the UI's sources changed since the last build; true when it built. */
export function ensureWebBuild(options?: { force?: boolean; log?: (line: string) => void }): boolean;
