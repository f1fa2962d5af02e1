import PDFDocument from 'pdfkit';

/** The part of pdfkit the tests use; the project's declaration (procedure-forms/pdfkit.d.ts) covers only what the forms use. */
export interface TestPdf {
  font(name: string): TestPdf;
  fontSize(size: number): TestPdf;
  text(text: string, x: number, y: number, options?: { lineBreak?: boolean }): TestPdf;
  widthOfString(text: string): number;
  rect(x: number, y: number, w: number, h: number): TestPdf;
  circle(x: number, y: number, r: number): TestPdf;
  fill(color: string): TestPdf;
  stroke(): TestPdf;
  on(event: 'data', listener: (chunk: Buffer) => void): TestPdf;
  on(event: 'end', listener: () => void): TestPdf;
  on(event: 'error', listener: (error: Error) => void): TestPdf;
  end(): void;
}
type PdfOptions = { size?: string; margin?: number; userPassword?: string; ownerPassword?: string };
const TestPdfDocument = PDFDocument as unknown as new (options: PdfOptions) => TestPdf;

/** A PDF drawn by `draw`; collects pdfkit's stream into one buffer. */
export function pdf(draw: (doc: TestPdf) => void, options: PdfOptions = {}): Promise<Buffer> {
  const doc = new TestPdfDocument({ size: 'A4', margin: 50, ...options });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(doc);
  doc.end();
  return done;
}

/** Each line set in Noto Serif runs (the font ships Vietnamese letters in a separate subset). */
