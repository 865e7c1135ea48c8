import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { UsageError } from "../core/errors.js";

const KEY_PATTERN = /^annals_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Compares two hex digests in a time that does not depend on where they differ. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A random secret of 32 bytes, base64url (43 characters). */
export function randomSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** A new API key `annals_<prefix>_<secret>`: shown once; only the prefix and the secret's digest are stored. */
export function newApiKey(): { key: string; prefix: string; digest: string } {
  const prefix = randomBytes(6).toString("hex");
  const secret = randomSecret();
  return { key: `annals_${prefix}_${secret}`, prefix, digest: sha256(secret) };
}

/** The prefix and the secret's digest of a string shaped like an API key. */
export function parseApiKey(key: string): { prefix: string; digest: string } | undefined {
  const match = KEY_PATTERN.exec(key);
  return match ? { prefix: match[1]!, digest: sha256(match[2]!) } : undefined;
}

const SCRYPT = { N: 16384, r: 8, p: 1, keyLength: 64 } as const;

function derive(password: string, salt: Buffer, options: ScryptOptions, keyLength: number): Promise<Buffer> {
  return new Promise((done, fail) =>
    scrypt(password.normalize("NFC"), salt, keyLength, options, (error, key) => (error ? fail(error) : done(key))),
  );
}

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64url. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const { N, r, p, keyLength } = SCRYPT;
  const hash = await derive(password, salt, { N, r, p }, keyLength);
  return ["scrypt", N, r, p, salt.toString("base64url"), hash.toString("base64url")].join("$");
}

/** A hash no password matches: checked when the user is unknown, so the answer takes as long either way. */
const UNMATCHABLE = `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${"A".repeat(22)}$${"A".repeat(86)}`;

export async function verifyPassword(password: string, stored: string | undefined): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = (stored ?? UNMATCHABLE).split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const actual = await derive(password, Buffer.from(salt, "base64url"), { N: +n!, r: +r!, p: +p! }, expected.length);
  return timingSafeEqual(actual, expected) && stored !== undefined;
}

const UNITS: Record<string, number> = {
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
  y: 365 * 86_400_000,
};

/** "30d", "12h", "90m", "2w", "1y" in milliseconds. */
export function parseDuration(text: string, what: string): number {
  const match = /^(\d+)\s*([mhdwy])$/.exec(text.trim());
  const amount = match ? Number(match[1]) : 0;
  if (!match || amount <= 0) {
    throw new UsageError(`${what} ${text}: expected a duration such as 30d, 12h, 90m, 2w or 1y`);
  }
  return amount * UNITS[match[2]!]!;
}
