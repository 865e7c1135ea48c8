/** One line saying what went wrong on the file system and what to do about it. */
export function describeFsError(error: unknown, what: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "EACCES":
    case "EPERM":
      return `${what}: permission denied; grant read access or remove it from the input`;
    case "ENOENT":
      return `${what}: the file disappeared during the run; run again if it comes back`;
    case "EISDIR":
      return `${what}: is a folder`;
    case "ELOOP":
      return `${what}: symbolic link loop; fix or remove the link`;
    case "EMFILE":
    case "ENFILE":
      return `${what}: too many open files; raise the limit (ulimit -n) and run again`;
    case "ENXIO":
      return `${what}: not a regular file (socket or device); remove it from the input`;
    default:
      return `${what}: ${(error as Error).message ?? String(error)}`;
  }
}
