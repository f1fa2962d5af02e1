import type PDFDocument from 'pdfkit';
import { type Span, type TextStyle, Typesetter } from './forms.typeset';

/**
 * The page of a Vietnamese administrative document (NĐ 30/2020/NĐ-CP Phụ lục I): A4, margins,
 * the national heading and the issuing body side by side, the title, the body, the signature
 * block. Every page also says it is a draft: the system prints, the officer signs and seals.
 */

/** A form ready to lay out: what the content builders produce from the input. */
export interface FormDocument {
  /** PDF metadata title. */
  title: string;
  /** "Mẫu số 27" at the top right when the form is a numbered appendix form. */
  formLabel: string | null;
  /** Issuing body, top left, one entry per line, e.g. ["ỦY BAN NHÂN DÂN", "XÃ TÂN PHÚ"]; the last is bold. */
  issuer: string[];
  /** "Số: 15/QĐ-UBND" under the issuing body, or null. */
  number: string | null;
  /** "Tân Phú, ngày 05 tháng 3 năm 2025". */
  placeDate: string;
  /** Document type (bold, upper case) then the summary lines. */
  heading: string[];
  body: Paragraph[];
  /** "Nơi nhận:" list at the bottom left; empty for none. */
  recipients: string[];
  signatures: Signature[];
  footnotes: string[];
}

/** A body paragraph. */
export interface Paragraph {
  spans: Span[];
  align?: TextStyle['align'];
  /** First-line indent (the usual body paragraph) or none (list lines, centred lines). */
  indent?: boolean;
  bold?: boolean;
  /** Extra space before, in points. */
  spaceBefore?: number;
}

/** One signature column: authority lines (bold), the hint, and the printed name when known. */
export interface Signature {
  titles: string[];
  hint: string;
  name: string | null;
}

/** Draft marking printed on every page. */
export const DRAFT_NOTICE = 'BẢN NHÁP – in, ký và đóng dấu theo quy định';

const MM = 72 / 25.4;
/** NĐ 30/2020 Phụ lục I: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
const MARGIN = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
const BODY: TextStyle = { size: 13, align: 'justify' };
const SIGNATURE_SPACE = 70;
/** Below a line's box, clear of Noto Serif's descenders (they reach 1.36 em below the top). */
const RULE_DROP = 4;

/** Writes blocks down the page, starting a new page when the next line would not fit. */
export class Flow {
  readonly ts: Typesetter;
  y = MARGIN.top;
  readonly left = MARGIN.left;
  readonly width: number;
  private readonly bottom: number;

  constructor(readonly doc: PDFDocument) {
    this.ts = new Typesetter(doc);
    this.width = doc.page.width - MARGIN.left - MARGIN.right;
    this.bottom = doc.page.height - MARGIN.bottom;
  }

  /** Starts a new page unless `height` more points fit on this one. */
  keep(height: number): void {
    if (this.y + height > this.bottom) {
      this.doc.addPage();
      this.y = MARGIN.top;
    }
  }

  /** Sets text in the column `[x, x + width]` (the full body width by default), page by page. */
  write(spans: Span[] | string, style: TextStyle, x = this.left, width = this.width): void {
    const lines = this.ts.layout(typeof spans === 'string' ? [{ text: spans }] : spans, style, width);
    for (const line of lines) {
      this.keep(this.ts.lineHeight(style));
      this.ts.drawLine(line, x, this.y, width, style);
      this.y += this.ts.lineHeight(style);
    }
  }

  /** Sets lines in a column at a fixed top without moving the flow; returns the column's bottom. */
  column(entries: { text: string; style: TextStyle }[], x: number, top: number, width: number): number {
    let y = top;
    for (const { text, style } of entries) {
      for (const line of this.ts.layout([{ text }], style, width)) {
        this.ts.drawLine(line, x, y, width, style);
        y += this.ts.lineHeight(style);
      }
    }
    return y;
  }

  /** A thin rule centred in `[x, x + width]`, `length` long, `y` points down the page. */
  rule(x: number, width: number, y: number, length: number): void {
    const start = x + (width - length) / 2;
    this.doc
      .lineWidth(0.6)
      .strokeColor('#000000')
      .moveTo(start, y)
      .lineTo(start + length, y)
      .stroke();
  }
}

/** The big diagonal "BẢN NHÁP" and the draft line at the foot of the page. */
export function drawDraftMarks(flow: Flow): void {
  const { doc, ts } = flow;
  const { width, height } = doc.page;
  doc.save();
  doc.rotate(-35, { origin: [width / 2, height / 2] });
  const mark: TextStyle = { size: 96, bold: true, align: 'center', color: '#e3e3e3' };
  for (const line of ts.layout([{ text: 'BẢN NHÁP' }], mark, width)) {
    ts.drawLine(line, 0, height / 2 - ts.lineHeight(mark) / 2, width, mark);
  }
  doc.restore();
  const footer: TextStyle = { size: 10, align: 'center', color: '#666666' };
  for (const line of ts.layout([{ text: DRAFT_NOTICE }], footer, flow.width)) {
    ts.drawLine(line, flow.left, height - MARGIN.bottom + 8, flow.width, footer);
  }
}

/** Form label, issuing body and number (left), national heading and place-date (right). */
function drawHeading(flow: Flow, form: FormDocument): void {
  const top = flow.y;
  if (form.formLabel) {
    flow.column([{ text: form.formLabel, style: { size: 11, bold: true, align: 'right' } }], flow.left, top - 16, flow.width);
  }
  const leftWidth = flow.width * 0.38;
  const rightX = flow.left + leftWidth;
  const rightWidth = flow.width - leftWidth;

  const issuerStyle = (index: number): TextStyle => ({ size: 12, bold: index === form.issuer.length - 1, align: 'center' });
  let leftBottom = flow.column(
    form.issuer.map((text, index) => ({ text, style: issuerStyle(index) })),
    flow.left,
    top,
    leftWidth,
  );
  const lastIssuer = form.issuer.at(-1) ?? '';
  // NĐ 30/2020: a rule under the issuing body, a third to a half of its name's length.
  flow.rule(
    flow.left,
    leftWidth,
    leftBottom + RULE_DROP,
    Math.min(flow.ts.width(lastIssuer, issuerStyle(form.issuer.length - 1)) / 2, leftWidth),
  );
  if (form.number) {
    leftBottom = flow.column([{ text: form.number, style: { size: 12, align: 'center' } }], flow.left, leftBottom + 6, leftWidth);
  }

  const nation: TextStyle = { size: 12, bold: true, align: 'center' };
  const motto: TextStyle = { size: 13, bold: true, align: 'center' };
  let rightBottom = flow.column(
    [
      { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', style: nation },
      { text: 'Độc lập - Tự do - Hạnh phúc', style: motto },
    ],
    rightX,
    top,
    rightWidth,
  );
  // NĐ 30/2020: the motto is underlined by a rule as long as the motto.
  flow.rule(rightX, rightWidth, rightBottom + RULE_DROP, flow.ts.width('Độc lập - Tự do - Hạnh phúc', motto));
  rightBottom = flow.column(
    [{ text: form.placeDate, style: { size: 13, align: 'center' } }],
    rightX,
    rightBottom + 8,
    rightWidth,
  );
  flow.y = Math.max(leftBottom, rightBottom) + 18;
}

function drawSignatures(flow: Flow, form: FormDocument): void {
  const recipientsStyle: TextStyle = { size: 11 };
  const recipientLines = form.recipients.length > 0 ? form.recipients.length + 1 : 0;
  // Titles, hint lines, the space to sign and a name on up to two lines stay on one page.
  const signatureHeight = (signature: Signature) =>
    signature.titles.length * 17 + signature.hint.split('\n').length * 14.3 + SIGNATURE_SPACE + 34;
  flow.keep(Math.max(recipientLines * flow.ts.lineHeight(recipientsStyle), ...form.signatures.map(signatureHeight)));
  const top = flow.y;
  let bottom = top;
  const hasRecipients = form.recipients.length > 0;
  // A lone signature, or one beside the recipients, sits on the right half as NĐ 30/2020 places it.
  const signatureX = hasRecipients || form.signatures.length === 1 ? flow.left + flow.width * 0.45 : flow.left;
  const signatureWidth = (flow.left + flow.width - signatureX) / Math.max(1, form.signatures.length);
  if (hasRecipients) {
    bottom = flow.column(
      [
        { text: 'Nơi nhận:', style: { size: 12, bold: true } },
        ...form.recipients.map((text) => ({ text, style: recipientsStyle })),
      ],
      flow.left,
      top,
      flow.width * 0.42,
    );
  }
  form.signatures.forEach((signature, index) => {
    const x = signatureX + index * signatureWidth;
    let y = flow.column(
      signature.titles.map((text) => ({ text, style: { size: 13, bold: true, align: 'center' } })),
      x,
      top,
      signatureWidth,
    );
    y = flow.column([{ text: signature.hint, style: { size: 11, align: 'center' } }], x, y, signatureWidth);
    y += SIGNATURE_SPACE;
    if (signature.name) {
      y = flow.column([{ text: signature.name, style: { size: 13, bold: true, align: 'center' } }], x, y, signatureWidth);
    }
    bottom = Math.max(bottom, y);
  });
  flow.y = bottom + 12;
}

/** Lays the whole form out: heading, title, body, signatures, footnotes. */
export function drawForm(flow: Flow, form: FormDocument): void {
  drawHeading(flow, form);
  form.heading.forEach((text, index) => {
    flow.write(text, { size: index === 0 ? 14 : 13, bold: true, align: 'center' });
  });
  flow.y += 12;
  for (const paragraph of form.body) {
    flow.y += paragraph.spaceBefore ?? 0;
    flow.write(paragraph.spans, {
      ...BODY,
      bold: paragraph.bold,
      align: paragraph.align ?? BODY.align,
      indent: paragraph.indent === false ? 0 : 28,
    });
    flow.y += 3;
  }
  flow.y += 12;
  drawSignatures(flow, form);
  for (const note of form.footnotes) flow.write(note, { size: 10, color: '#333333' });
}
