import type PDFDocument from 'pdfkit';
import { type FontRun, type FontWeight, fontRuns } from './forms.fonts';

/**
 * Line breaking and drawing for text set in several fonts at once (see forms.fonts.ts). pdfkit's
 * own wrapping works one font per call, so a word like "Nguyễn" (three runs) could be broken in
 * the middle; here words are measured whole and each line is drawn run by run at exact positions.
 */

/** A piece of a paragraph in one weight. */
export interface Span {
  text: string;
  bold?: boolean;
}

/** How a paragraph is set. */
export interface TextStyle {
  size: number;
  bold?: boolean;
  align?: 'left' | 'center' | 'right' | 'justify';
  /** Extra indent of a paragraph's first line, in points. */
  indent?: number;
  color?: string;
}

interface Word {
  runs: FontRun[];
  width: number;
}

/** One laid-out line: its words, their natural width, and whether a paragraph line ends here. */
export interface Line {
  words: Word[];
  width: number;
  endsParagraph: boolean;
  first: boolean;
}

/** Line height as a multiple of the font size (NĐ 30/2020 Phụ lục I: single to 1.5 lines). */
const LEADING = 1.3;

/** Measures, wraps and draws mixed-font text on one document. */
export class Typesetter {
  constructor(readonly doc: PDFDocument) {}

  lineHeight(style: TextStyle): number {
    return style.size * LEADING;
  }

  private measure(run: FontRun, size: number): number {
    return this.doc.font(run.font).fontSize(size).widthOfString(run.text);
  }

  private spaceWidth(size: number): number {
    return this.measure({ text: ' ', font: fontRuns(' ', 'regular')[0]?.font ?? '' }, size);
  }

  /** Natural width of one line of text, without wrapping. */
  width(text: string, style: TextStyle): number {
    return this.layout([{ text, bold: style.bold }], { ...style, align: 'left' }, Number.POSITIVE_INFINITY).reduce(
      (widest, line) => Math.max(widest, line.width),
      0,
    );
  }

  /** Paragraph lines of words: spans joined, split at white space, `\n` forcing a new line. */
  private words(spans: Span[], style: TextStyle): Word[][] {
    const paragraphs: Word[][] = [[]];
    let pending: Word | null = null;
    const flush = () => {
      if (pending) paragraphs.at(-1)?.push(pending);
      pending = null;
    };
    for (const span of spans) {
      const weight: FontWeight = (span.bold ?? style.bold) ? 'bold' : 'regular';
      for (const char of span.text.normalize('NFC')) {
        if (char === '\n') {
          flush();
          paragraphs.push([]);
        } else if (/\s/.test(char)) {
          flush();
        } else {
          const [run] = fontRuns(char, weight);
          if (!run) continue;
          const word: Word = pending ?? { runs: [], width: 0 };
          const last = word.runs.at(-1);
          if (last?.font === run.font) last.text += run.text;
          else word.runs.push(run);
          pending = word;
        }
      }
    }
    flush();
    for (const paragraph of paragraphs) {
      for (const word of paragraph) word.width = word.runs.reduce((sum, run) => sum + this.measure(run, style.size), 0);
    }
    return paragraphs;
  }

  /** Breaks a word wider than the line into pieces that fit (long addresses, codes). */
  private splitWord(word: Word, maxWidth: number, size: number): Word[] {
    const pieces: Word[] = [];
    let current: Word = { runs: [], width: 0 };
    for (const run of word.runs) {
      for (const char of run.text) {
        const width = this.measure({ text: char, font: run.font }, size);
        if (current.width + width > maxWidth && current.runs.length > 0) {
          pieces.push(current);
          current = { runs: [], width: 0 };
        }
        const last = current.runs.at(-1);
        if (last?.font === run.font) last.text += char;
        else current.runs.push({ text: char, font: run.font });
        current.width += width;
      }
    }
    if (current.runs.length > 0) pieces.push(current);
    return pieces;
  }

  /** Greedy line breaking within `maxWidth`. */
  layout(spans: Span[], style: TextStyle, maxWidth: number): Line[] {
    const space = this.spaceWidth(style.size);
    const lines: Line[] = [];
    for (const paragraph of this.words(spans, style)) {
      let line: Line = { words: [], width: 0, endsParagraph: false, first: true };
      const available = () => maxWidth - (line.first ? (style.indent ?? 0) : 0);
      for (const whole of paragraph) {
        const parts = whole.width > maxWidth - (style.indent ?? 0) ? this.splitWord(whole, available(), style.size) : [whole];
        for (const word of parts) {
          const added = line.words.length > 0 ? space + word.width : word.width;
          if (line.words.length > 0 && line.width + added > available()) {
            lines.push(line);
            line = { words: [word], width: word.width, endsParagraph: false, first: false };
          } else {
            line.words.push(word);
            line.width += added;
          }
        }
      }
      line.endsParagraph = true;
      lines.push(line);
    }
    return lines;
  }

  /** Draws one line with its top at `y`, within `[x, x + width]`. */
  drawLine(line: Line, x: number, y: number, width: number, style: TextStyle): void {
    const space = this.spaceWidth(style.size);
    const indent = line.first ? (style.indent ?? 0) : 0;
    const room = width - indent - line.width;
    const align = style.align ?? 'left';
    let cursor = x + indent;
    if (align === 'center') cursor += room / 2;
    if (align === 'right') cursor += room;
    const stretch = align === 'justify' && !line.endsParagraph && line.words.length > 1 ? room / (line.words.length - 1) : 0;
    const spaceFont = fontRuns(' ', 'regular')[0]?.font ?? '';
    this.doc.fillColor(style.color ?? '#000000');
    line.words.forEach((word, index) => {
      for (const run of word.runs) {
        this.doc.font(run.font).fontSize(style.size).text(run.text, cursor, y, { lineBreak: false });
        cursor += this.measure(run, style.size);
      }
      if (index < line.words.length - 1) {
        // A real space glyph, so that copied or extracted text keeps its word breaks.
        this.doc.font(spaceFont).fontSize(style.size).text(' ', cursor, y, { lineBreak: false });
        cursor += space + stretch;
      }
    });
  }
}
