import JSZip from 'jszip';
import type PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { extractPlanText } from '../src/server/modules/plans/plan-document';
import { fontRuns, registerFonts } from '../src/server/modules/procedure-forms/forms.fonts';
import { highlightsOf, parsePlanText, planSourceText } from '../src/shared/plans';
import { pdf, type TestPdf } from './support/pdf';

/**
 * `extractPlanText` on documents built here at run time: a PDF with a text layer, a scan-like
 * PDF, a password-protected PDF, a .docx, a .txt and files that are none of these. The plan is
 * made up; it names agencies, no person.
 */
const PLAN_LINES = [
  'ỦY BAN NHÂN DÂN TỈNH THỬ NGHIỆM',
  'KẾ HOẠCH',
  'Thực hiện Tháng hành động phòng, chống ma túy năm 2027',
  '(Từ ngày 01/6/2027 đến ngày 30/6/2027)',
  'I. MỤC ĐÍCH, YÊU CẦU',
  '1. Nâng cao nhận thức của Nhân dân về tác hại của ma túy.',
  'II. NỘI DUNG VÀ PHÂN CÔNG NHIỆM VỤ',
  '1. Công an tỉnh',
  '- Chủ trì tổ chức các đợt cao điểm tấn công trấn áp tội phạm về ma túy.',
  '2. Sở Y tế',
  '- Hướng dẫn công tác điều trị nghiện bằng thuốc thay thế.',
  'III. TỔ CHỨC THỰC HIỆN',
  'Các sở, ngành tổ chức sơ kết và gửi báo cáo về Công an tỉnh trước ngày 05/7/2027.',
];

function writeLines(doc: TestPdf, lines: string[]): void {
  registerFonts(doc as unknown as PDFDocument);
  let y = 60;
  for (const line of lines) {
    let x = 50;
    for (const run of fontRuns(line.normalize('NFC'), 'regular')) {
      doc.font(run.font).fontSize(11);
      doc.text(run.text, x, y, { lineBreak: false });
      x += doc.widthOfString(run.text);
    }
    y += 18;
  }
}

function textPdf(): Promise<Buffer> {
  return pdf((doc) => writeLines(doc, PLAN_LINES));
}

async function docx(paragraphs: string[]): Promise<Buffer> {
  const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(p)}</w:t></w:r></w:p>`).join('');
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The code of the AppError `promise` rejects with. */
async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
  return 'resolved';
}

function expectFakePlan(text: string): void {
  const parsed = parsePlanText(text);
  expect(parsed.type).toBe('action_month');
  expect(parsed.period).toEqual({ from: '2027-06-01', to: '2027-06-30' });
  expect(parsed.agencies.map((a) => a.name)).toEqual(['Công an tỉnh', 'Sở Y tế']);
  expect(parsed.deadlines).toEqual([expect.objectContaining({ to: 'Công an tỉnh', by: '2027-07-05' })]);
  // What the import screen shows: the same result, with the agencies and the deadline marked.
  const source = planSourceText(text);
  expect(parsePlanText(source)).toEqual(parsed);
  const marks = new Map(highlightsOf(source, parsed).map((h) => [h.field, source.slice(h.start, h.end)]));
  expect(marks.get('agencies.1.name')).toBe('Sở Y tế');
  expect(marks.get('deadlines.0')).toBe('trước ngày 05/7/2027');
  expect(marks.get('period')).toBe('Từ ngày 01/6/2027 đến ngày 30/6/2027');
}

describe('extractPlanText', () => {
  it('reads a PDF text layer line by line, with Vietnamese letters', async () => {
    const extracted = await extractPlanText(await textPdf());
    expect(extracted.kind).toBe('pdf');
    expect(extracted.mediaType).toBe('application/pdf');
    expect(extracted.text).toContain('Thực hiện Tháng hành động phòng, chống ma túy năm 2027');
    expect(extracted.text.split('\n')).toContain('2. Sở Y tế');
    expect(extracted.text).toBe(extracted.text.normalize('NFC'));
    expectFakePlan(extracted.text);
  });

  it('refuses a PDF of images only (a scan) with PLAN_DOCUMENT_NO_TEXT', async () => {
    const scan = await pdf((doc) => {
      doc.rect(50, 50, 400, 200).fill('#888888');
      doc.circle(300, 500, 80).stroke();
    });
    expect(await codeOf(extractPlanText(scan))).toBe('PLAN_DOCUMENT_NO_TEXT');
  });

  it('refuses a password-protected PDF with PLAN_DOCUMENT_ENCRYPTED', async () => {
    const locked = await pdf((doc) => writeLines(doc, PLAN_LINES.slice(0, 3)), { userPassword: 'mat-khau-thu' });
    expect(await codeOf(extractPlanText(locked))).toBe('PLAN_DOCUMENT_ENCRYPTED');
  });

  it('refuses a truncated PDF with PLAN_DOCUMENT_TYPE', async () => {
    const whole = await textPdf();
    expect(await codeOf(extractPlanText(whole.subarray(0, 200)))).toBe('PLAN_DOCUMENT_TYPE');
  });

  it('reads a .docx', async () => {
    const extracted = await extractPlanText(await docx(PLAN_LINES));
    expect(extracted.kind).toBe('docx');
    expect(extracted.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expectFakePlan(extracted.text);
  });

  it('refuses a corrupt .docx and a zip that is not a Word document', async () => {
    const good = await docx(PLAN_LINES);
    expect(await codeOf(extractPlanText(good.subarray(0, good.length - 40)))).toBe('PLAN_DOCUMENT_TYPE');
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    const xlsx = await zip.generateAsync({ type: 'nodebuffer' });
    expect(await codeOf(extractPlanText(xlsx))).toBe('PLAN_DOCUMENT_TYPE');
  });

  it('reads UTF-8 text with a BOM and CRLF line ends', async () => {
    const bytes = Buffer.from(`\uFEFF${PLAN_LINES.join('\r\n')}\r\n`, 'utf8');
    const extracted = await extractPlanText(bytes);
    expect(extracted).toMatchObject({ kind: 'txt', mediaType: 'text/plain' });
    expect(extracted.text.startsWith('ỦY BAN')).toBe(true);
    expectFakePlan(extracted.text);
  });

  it('refuses whitespace only with PLAN_DOCUMENT_NO_TEXT', async () => {
    expect(await codeOf(extractPlanText(Buffer.from(' \r\n\t\n', 'utf8')))).toBe('PLAN_DOCUMENT_NO_TEXT');
    expect(await codeOf(extractPlanText(await docx(['', '   '])))).toBe('PLAN_DOCUMENT_NO_TEXT');
  });

  it('refuses random binary, a .doc and non-UTF-8 text with PLAN_DOCUMENT_TYPE', async () => {
    // A fixed pseudo-random sequence, so that a failure can be replayed.
    let seed = 12345;
    const noise = Buffer.from(
      Array.from({ length: 4096 }, () => {
        seed = (seed * 48271) % 2147483647;
        return seed & 0xff;
      }),
    );
    expect(await codeOf(extractPlanText(noise))).toBe('PLAN_DOCUMENT_TYPE');
    const doc = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    expect(await codeOf(extractPlanText(doc))).toBe('PLAN_DOCUMENT_TYPE');
    expect(await codeOf(extractPlanText(Buffer.from('K\xea ho\xe1ch', 'latin1')))).toBe('PLAN_DOCUMENT_TYPE');
    expect(await codeOf(extractPlanText(Buffer.from('text\u0000with NUL', 'utf8')))).toBe('PLAN_DOCUMENT_TYPE');
  });
});
