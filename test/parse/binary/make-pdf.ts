import { PDFDocument, StandardFonts } from "pdf-lib";

export interface PdfInfo {
  title?: string;
  author?: string;
  created?: Date;
}

/** A PDF written by pdf-lib: one page per entry, each a list of lines set in 12 pt Courier. */
export async function writePdf(pages: readonly (readonly string[])[], info: PdfInfo = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  if (info.title) pdf.setTitle(info.title);
  if (info.author) pdf.setAuthor(info.author);
  if (info.created) pdf.setCreationDate(info.created);
  const font = await pdf.embedFont(StandardFonts.Courier);
  for (const lines of pages) {
    const page = pdf.addPage([612, 792]);
    lines.forEach((line, i) => page.drawText(line, { x: 72, y: 720 - 18 * i, size: 12, font }));
  }
  return pdf.save();
}

/** A PDF written object by object, with a correct cross-reference table: for inputs pdf-lib will not write. */
export function handWrittenPdf(objects: readonly string[], trailer = ""): Uint8Array {
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

const HEX32 = "<" + "28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a" + ">";

/** A PDF encrypted with the standard security handler and a user password nobody knows. */
export function encryptedPdf(): Uint8Array {
  return handWrittenPdf(
    [
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
      `<< /Filter /Standard /V 1 /R 2 /O ${HEX32} /U <0011223344556677889900112233445566778899001122334455667788990011> /P -4 >>`,
    ],
    `/Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]`,
  );
}

/** A page tree that lists one small page `count` times: a page-count bomb in a few kilobytes. */
export function pageCountBomb(count: number): Uint8Array {
  return handWrittenPdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${"3 0 R ".repeat(count)}] /Count ${count} >>`,
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
  ]);
}
