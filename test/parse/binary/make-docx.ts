import JSZip from "jszip";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");

export interface DocxContent {
  /** Paragraphs; a heading is `# Title` (level 1) or `## Title` (level 2); `[^n]` marks footnote n. */
  paragraphs: string[];
  footnotes?: string[];
  core?: { title?: string; creator?: string; created?: string };
}

function paragraph(line: string): string {
  const heading = /^(#{1,2}) (.*)$/.exec(line);
  const style = heading ? `<w:pPr><w:pStyle w:val="Heading${heading[1]!.length}"/></w:pPr>` : "";
  const runs = (heading?.[2] ?? line)
    .split(/(\[\^\d+\])/)
    .filter((part) => part.length > 0)
    .map((part) => {
      const note = /^\[\^(\d+)\]$/.exec(part);
      return note
        ? `<w:r><w:footnoteReference w:id="${note[1]}"/></w:r>`
        : `<w:r><w:t xml:space="preserve">${escape(part)}</w:t></w:r>`;
    });
  return `<w:p>${style}${runs.join("")}</w:p>`;
}

/** A Word document with the parts Word writes for headings, footnotes and core properties. */
export async function writeDocx(content: DocxContent): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/>` +
      `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
  );
  zip.file(
    "word/_rels/document.xml.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/footnotes" Target="footnotes.xml"/></Relationships>`,
  );
  zip.file(
    "word/styles.xml",
    `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}>` +
      [1, 2]
        .map((n) => `<w:style w:type="paragraph" w:styleId="Heading${n}"><w:name w:val="heading ${n}"/></w:style>`)
        .join("") +
      `</w:styles>`,
  );
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${content.paragraphs.map(paragraph).join("")}</w:body></w:document>`,
  );
  zip.file(
    "word/footnotes.xml",
    `<?xml version="1.0" encoding="UTF-8"?><w:footnotes ${W}>` +
      (content.footnotes ?? [])
        .map((note, i) => `<w:footnote w:id="${i + 1}"><w:p><w:r><w:t>${escape(note)}</w:t></w:r></w:p></w:footnote>`)
        .join("") +
      `</w:footnotes>`,
  );
  const core = content.core ?? {};
  zip.file(
    "docProps/core.xml",
    `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
      `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      (core.title ? `<dc:title>${escape(core.title)}</dc:title>` : "") +
      (core.creator ? `<dc:creator>${escape(core.creator)}</dc:creator>` : "") +
      (core.created ? `<dcterms:created xsi:type="dcterms:W3CDTF">${core.created}</dcterms:created>` : "") +
      `</cp:coreProperties>`,
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
