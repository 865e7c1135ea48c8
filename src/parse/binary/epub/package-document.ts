import { posix } from "node:path";

/** What an EPUB's container and package document (OPF) say: where the OPF is, and the spine's files in reading order. */

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of tag.matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    found.set(match[1]!, match[2] ?? match[3]!);
  return found;
}

function tags(xml: string, name: string): Map<string, string>[] {
  return [...xml.matchAll(new RegExp(`<(?:\\w+:)?${name}\\b[^>]*>`, "g"))].map((match) => attributes(match[0]));
}

/** META-INF/container.xml: the path of the first package document. */
export function packagePath(container: string): string | undefined {
  return tags(container, "rootfile")[0]?.get("full-path");
}

/** The spine's content documents, as entry paths of the ZIP, in reading order; non-linear items last. */
export function spinePaths(opf: string, opfPath: string): string[] {
  const hrefs = new Map<string, string>();
  for (const item of tags(opf, "item")) {
    const id = item.get("id");
    const href = item.get("href");
    if (id && href) hrefs.set(id, href);
  }
  const base = posix.dirname(opfPath);
  const itemrefs = tags(opf, "itemref");
  const ordered = [
    ...itemrefs.filter((ref) => ref.get("linear") !== "no"),
    ...itemrefs.filter((ref) => ref.get("linear") === "no"),
  ];
  return ordered.flatMap((ref) => {
    const href = hrefs.get(ref.get("idref") ?? "");
    if (!href) return [];
    const path = posix.normalize(posix.join(base, decodeURIComponent(href.split("#")[0]!)));
    return path.startsWith("../") ? [] : [path];
  });
}
