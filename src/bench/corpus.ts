import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { once } from "node:events";

/** Every text file under a folder, recursively, with its size. */
export function listFiles(dir: string): { path: string; size: number }[] {
  const out: { path: string; size: number }[] = [];
  const walk = (path: string) => {
    for (const name of readdirSync(path).sort()) {
      const full = join(path, name);
      const info = statSync(full);
      if (info.isDirectory()) walk(full);
      else if (/\.(txt|md|xml|html?)$/i.test(name) && !/^(SOURCE|upstream_|README)/.test(name))
        out.push({ path: full, size: info.size });
    }
  };
  walk(dir);
  return out;
}

/** Annotated token lists (CoNLL: one token and its tag per line) and entity lists: data, not prose. */
const NOT_PROSE = /\.conll(?:\.txt)?$|entity-list\.txt$/;

/** Sentences of real prose from the corpora, for building a large corpus of the same kind of text. */
export function realSentences(files: readonly { path: string }[]): string[] {
  const sentences: string[] = [];
  for (const file of files) {
    if (NOT_PROSE.test(file.path)) continue;
    const text = readFileSync(file.path, "utf8")
      .replace(/<[^>]+>/g, " ")
      .replace(/^---[\s\S]*?---/, "");
    for (const sentence of text.split(/(?<=[.!?])\s+/)) {
      const clean = sentence.replace(/\s+/g, " ").trim();
      if (clean.length >= 40 && clean.length <= 600 && /^[A-Z]/.test(clean)) sentences.push(clean);
    }
  }
  return sentences;
}

/** A deterministic xorshift generator, so every run builds the same corpus. */
function generator(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000;
  };
}

/**
 * Writes `megabytes` of text as files of about 1 MB, each a run of paragraphs made of real
 * sentences drawn at random, under `dir`. Reuses the folder when it already holds that size.
 */
export async function generateCorpus(dir: string, sentences: readonly string[], megabytes: number): Promise<void> {
  const marker = join(dir, ".complete");
  if (existsSync(marker) && readFileSync(marker, "utf8") === String(megabytes)) return;
  mkdirSync(dir, { recursive: true });
  const random = generator(20261121);
  const fileBytes = 1024 * 1024;
  const files = Math.ceil(megabytes);
  for (let f = 0; f < files; f++) {
    const out = createWriteStream(join(dir, `part-${String(f).padStart(5, "0")}.txt`));
    let written = 0;
    while (written < fileBytes) {
      const count = 3 + Math.floor(random() * 6);
      const paragraph: string[] = [];
      for (let i = 0; i < count; i++) paragraph.push(sentences[Math.floor(random() * sentences.length)]!);
      const chunk = paragraph.join(" ") + "\n\n";
      written += Buffer.byteLength(chunk);
      if (!out.write(chunk)) await once(out, "drain");
    }
    out.end();
    await once(out, "finish");
  }
  writeFileSync(marker, String(megabytes));
}
