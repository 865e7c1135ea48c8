import { openStore, type Store } from "../../src/store/index.js";
import { makeRecord, seedDocuments } from "../store/make-document.js";

/** An in-memory store holding the four seed documents as plain text documents. */
export function seedStore(): Store {
  const store = openStore(":memory:");
  for (const document of seedDocuments()) {
    store.replaceFile({ path: document.path, contentHash: document.id, size: document.text.length, mtimeMs: 0 }, [
      makeRecord(document),
    ]);
  }
  return store;
}

/** The documents of `hits` in rank order, each once. */
export function distinctDocuments(hits: readonly { document: { id: string } }[]): string[] {
  return [...new Set(hits.map((hit) => hit.document.id))];
}
