import { AppError } from '../../platform/errors';

/**
 * The text of an uploaded plan document (.txt, .docx or a PDF with a text layer), for
 * `parsePlanText`. The kind is read from the bytes, never from the file name: offices rename
 * files freely ("ke hoach.pdf" that is really a .doc). Every library failure becomes one of the
 * PLAN_DOCUMENT_* errors, so a bad upload is a 400 the officer can act on, never a 500.
 */

export type PlanDocumentKind = 'txt' | 'docx' | 'pdf';

const MEDIA_TYPE: Record<PlanDocumentKind, string> = {
  txt: 'text/plain',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

function startsWith(bytes: Buffer, signature: number[]): boolean {
  return bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
}

/** Text with nothing but whitespace is as useless to the parser as a scan. */
function withText(text: string): string {
  const clean = text.normalize('NFC');
  if (clean.trim() === '') throw new AppError('PLAN_DOCUMENT_NO_TEXT');
  return clean;
}

async function pdfText(bytes: Buffer): Promise<string> {
  // Loaded on first use: pdf.js is large and most requests never need it.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js may detach the buffer it is given; a copy keeps the caller's bytes intact for storage.
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0, stopAtErrors: false });
  try {
    const document = await task.promise;
    const lines: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const content = await (await document.getPage(number)).getTextContent();
      let line = '';
      let lastY: number | null = null;
      for (const item of content.items) {
        if (!('str' in item)) continue;
        // Not every producer marks line ends (hasEOL); a change of baseline is a new line as well.
        const y = item.transform[5] as number;
        if (lastY !== null && Math.abs(y - lastY) > 1 && line !== '') {
          lines.push(line);
          line = '';
        }
        line += item.str;
        lastY = y;
        if (item.hasEOL) {
          lines.push(line);
          line = '';
        }
      }
      if (line !== '') lines.push(line);
      // A page break is a paragraph break; the parser joins lines that continue a sentence.
      lines.push('');
    }
    return lines.join('\n');
  } catch (error) {
    const name = (error as { name?: string } | null)?.name;
    if (name === 'PasswordException') throw new AppError('PLAN_DOCUMENT_ENCRYPTED');
    throw new AppError('PLAN_DOCUMENT_TYPE');
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

async function docxText(bytes: Buffer): Promise<string> {
  const mammoth = (await import('mammoth')).default;
  try {
    return (await mammoth.extractRawText({ buffer: bytes })).value;
  } catch {
    throw new AppError('PLAN_DOCUMENT_TYPE');
  }
}

/** NUL and the other C0 controls besides tab, line feed, form feed and carriage return. */
function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0x7f) return true;
  }
  return false;
}

/** Plain text must be UTF-8 (what every editor and portal saves); anything else is a binary we do not read. */
function plainText(bytes: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new AppError('PLAN_DOCUMENT_TYPE');
  }
  // Valid UTF-8 can still be binary (NULs, other control characters): not a text document.
  if (hasControlCharacters(text)) throw new AppError('PLAN_DOCUMENT_TYPE');
  return text.replace(/^\uFEFF/u, '');
}

/** Reads an uploaded plan document; throws PLAN_DOCUMENT_TYPE, _NO_TEXT or _ENCRYPTED. */
export async function extractPlanText(bytes: Buffer): Promise<{ text: string; mediaType: string; kind: PlanDocumentKind }> {
  let kind: PlanDocumentKind;
  let text: string;
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) {
    kind = 'pdf';
    text = await pdfText(bytes);
  } else if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // Any zip that is not a Word document (.xlsx, .odt, an archive) is refused before unzipping it.
    if (!bytes.includes('word/document.xml')) throw new AppError('PLAN_DOCUMENT_TYPE');
    kind = 'docx';
    text = await docxText(bytes);
  } else if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    // Old Word .doc (and password-protected .docx, which Word also stores in this container).
    throw new AppError('PLAN_DOCUMENT_TYPE');
  } else {
    kind = 'txt';
    text = plainText(bytes);
  }
  return { text: withText(text), mediaType: MEDIA_TYPE[kind], kind };
}
