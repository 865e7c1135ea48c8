import JSZip from "jszip";

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/** The mimetype entry first and stored, as OpenDocument and EPUB require. */
function packageZip(mimetype: string): JSZip {
  const zip = new JSZip();
  zip.file("mimetype", mimetype, { compression: "STORE" });
  return zip;
}

const zipBytes = (zip: JSZip) => zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });

export interface OdtContent {
  /** `# Title` is a heading of level 1, `## Title` of level 2; `[^text]` a footnote with that text. */
  paragraphs: string[];
  meta?: { title?: string; creator?: string; date?: string };
  /** A comment on the first paragraph, which is not part of the text. */
  comment?: string;
}

function odtParagraph(line: string, comment?: string): string {
  const heading = /^(#{1,2}) (.*)$/.exec(line);
  let notes = 0;
  const inline = (heading?.[2] ?? line).replace(/\[\^([^\]]+)\]|([^[]+)/g, (_, note?: string, text?: string) =>
    note
      ? `<text:note text:note-class="footnote"><text:note-citation>${++notes}</text:note-citation><text:note-body><text:p>${escape(note)}</text:p></text:note-body></text:note>`
      : escape(text!).replace(/ {2}/g, ' <text:s text:c="1"/>'),
  );
  const annotation = comment ? `<office:annotation><text:p>${escape(comment)}</text:p></office:annotation>` : "";
  return heading
    ? `<text:h text:outline-level="${heading[1]!.length}">${inline}</text:h>`
    : `<text:p>${annotation}${inline}</text:p>`;
}

/** An OpenDocument text as LibreOffice writes one: content.xml, meta.xml, the manifest. */
export async function writeOdt(content: OdtContent): Promise<Uint8Array> {
  const zip = packageZip("application/vnd.oasis.opendocument.text");
  const ns =
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"';
  const body = content.paragraphs.map((line, i) => odtParagraph(line, i === 0 ? content.comment : undefined)).join("");
  zip.file(
    "content.xml",
    `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ns}><office:body><office:text><text:sequence-decls><text:sequence-decl text:name="Figure"/></text:sequence-decls>${body}</office:text></office:body></office:document-content>`,
  );
  const meta = content.meta ?? {};
  zip.file(
    "meta.xml",
    `<?xml version="1.0" encoding="UTF-8"?><office:document-meta ${ns}><office:meta>` +
      (meta.title ? `<dc:title>${escape(meta.title)}</dc:title>` : "") +
      (meta.creator ? `<meta:initial-creator>${escape(meta.creator)}</meta:initial-creator>` : "") +
      (meta.date ? `<meta:creation-date>${meta.date}</meta:creation-date>` : "") +
      `</office:meta></office:document-meta>`,
  );
  zip.file(
    "META-INF/manifest.xml",
    `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`,
  );
  return zipBytes(zip);
}

export interface EpubContent {
  /** Chapters in reading order, each as XHTML body content. */
  chapters: string[];
  meta?: { title?: string; creator?: string; date?: string };
  /** Chapter files listed in the manifest in this order (the spine keeps the reading order). */
  manifestOrder?: number[];
  encrypted?: boolean;
}

/** An EPUB 3 book: container, package document under OEBPS/, one XHTML file per chapter. */
export async function writeEpub(content: EpubContent): Promise<Uint8Array> {
  const zip = packageZip("application/epub+zip");
  zip.file(
    "META-INF/container.xml",
    `<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>`,
  );
  const order = content.manifestOrder ?? content.chapters.map((_, i) => i);
  const meta = content.meta ?? {};
  zip.file(
    "OEBPS/content.opf",
    `<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">` +
      (meta.title ? `<dc:title>${escape(meta.title)}</dc:title>` : "") +
      (meta.creator ? `<dc:creator id="author">${escape(meta.creator)}</dc:creator>` : "") +
      (meta.date ? `<dc:date>${meta.date}</dc:date>` : "") +
      `</metadata><manifest>` +
      order
        .map((i) => `<item media-type="application/xhtml+xml" href="text/chapter%20${i + 1}.xhtml" id="c${i + 1}"/>`)
        .join("") +
      `</manifest><spine>${content.chapters.map((_, i) => `<itemref idref="c${i + 1}"/>`).join("")}</spine></package>`,
  );
  content.chapters.forEach((chapter, i) =>
    zip.file(
      `OEBPS/text/chapter ${i + 1}.xhtml`,
      `<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Chapter ${i + 1}</title></head><body>${chapter}</body></html>`,
    ),
  );
  if (content.encrypted)
    zip.file(
      "META-INF/encryption.xml",
      `<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData><enc:CipherData><enc:CipherReference URI="OEBPS/text/chapter%201.xhtml"/></enc:CipherData></enc:EncryptedData></encryption>`,
    );
  return zipBytes(zip);
}
