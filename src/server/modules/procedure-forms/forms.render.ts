import PDFDocument from 'pdfkit';
import type { FormInput } from './form-data';
import { managementDecision, mau54Certificate } from './forms.decisions';
import { registerFonts } from './forms.fonts';
import { drawDraftMarks, drawForm, Flow, type FormDocument } from './forms.layout';
import { mau27Record, mau30Resume } from './forms.records';
import { documentDate } from './forms.wording';

/** The form's content and the date that stands for it (the PDF's creation date). */
function describe(input: FormInput): { form: FormDocument; date: string } {
  switch (input.form) {
    case 'management-decision':
      return { form: managementDecision(input), date: input.decisionDate ?? input.startDate };
    case 'mau-27':
      return { form: mau27Record(input), date: input.recordedOn };
    case 'mau-30':
      return { form: mau30Resume(input), date: input.preparedOn };
    case 'mau-54':
      return { form: mau54Certificate(input), date: input.issuedOn ?? input.managementEnd };
  }
}

/**
 * A printable A4 PDF draft of a legal form, filled from data: the officer prints, signs and
 * seals it (every page says so). The same input gives the same bytes: the creation date comes
 * from the form's own date, not the clock.
 */
export async function renderForm(input: FormInput): Promise<Buffer> {
  const { form, date } = describe(input);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    lang: 'vi-VN',
    info: { Title: form.title, Creator: 'PCMT', Producer: 'PCMT', CreationDate: documentDate(date) },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  registerFonts(doc);
  let flow: Flow | undefined;
  // Marks go on first so that the text is drawn over the watermark, on every page the flow adds.
  doc.on('pageAdded', () => {
    if (flow) drawDraftMarks(flow);
  });
  doc.addPage();
  flow = new Flow(doc);
  drawDraftMarks(flow);
  drawForm(flow, form);
  doc.end();
  return done;
}
