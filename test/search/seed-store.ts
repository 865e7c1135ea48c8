import type { Store } from "../../src/store/index.js";
import { backends, type Backend } from "../store/backends.js";
import { makeRecord, seedDocuments } from "../store/make-document.js";

/** A new store (in-memory SQLite unless another backend is given) holding the four seed documents as plain text documents. */
export function seedStore(backend: Backend = backends[0]!): Store {
  const store = backend.open();
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
