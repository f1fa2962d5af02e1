import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type PDFDocument from 'pdfkit';
import { woffToSfnt } from './forms.woff';

/**
 * Noto Serif, embedded from the @fontsource package so that every machine prints the same glyphs
 * (system font folders differ between CI and offices). The package ships the font as per-script
 * subsets, and no one file holds both the Latin base letters (N, g, y) and the Vietnamese
 * precomposed ones (ễ, ặ, Đ): text is therefore set in runs, each in the first subset that covers
 * its characters, in this order.
 */
const SUBSETS = ['latin', 'vietnamese', 'latin-ext'] as const;
type Subset = (typeof SUBSETS)[number];

/** The two weights the forms use. */
export type FontWeight = 'regular' | 'bold';

const WEIGHT_FILE: Record<FontWeight, number> = { regular: 400, bold: 700 };

/** A stretch of text set in one embedded font. */
export interface FontRun {
  text: string;
  font: string;
}

const requireFromHere = createRequire(import.meta.url);

type CodePointRange = [number, number];

interface LoadedFonts {
  ranges: Map<Subset, CodePointRange[]>;
  files: Map<string, Buffer>;
}

let loaded: LoadedFonts | undefined;

/** `"U+0000-00FF,U+0131"` (the package's unicode.json) → code point ranges. */
function parseUnicodeRanges(text: string): CodePointRange[] {
  return text.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    const start = Number.parseInt(from ?? '', 16);
    return [start, to === undefined ? start : Number.parseInt(to, 16)];
  });
}

function loadFonts(): LoadedFonts {
  if (loaded) return loaded;
  const unicode = JSON.parse(readFileSync(requireFromHere.resolve('@fontsource/noto-serif/unicode.json'), 'utf8')) as Record<
    string,
    string
  >;
  const ranges = new Map<Subset, CodePointRange[]>();
  const files = new Map<string, Buffer>();
  for (const subset of SUBSETS) {
    ranges.set(subset, parseUnicodeRanges(unicode[subset] ?? ''));
    for (const weight of Object.keys(WEIGHT_FILE) as FontWeight[]) {
      // WOFF rather than woff2: unpacking it needs only zlib (forms.woff.ts), not Brotli.
      const file = requireFromHere.resolve(
        `@fontsource/noto-serif/files/noto-serif-${subset}-${WEIGHT_FILE[weight]}-normal.woff`,
      );
      files.set(fontName(subset, weight), woffToSfnt(readFileSync(file)));
    }
  }
  loaded = { ranges, files };
  return loaded;
}

function fontName(subset: Subset, weight: FontWeight): string {
  return `NotoSerif-${subset}-${weight}`;
}

/** Registers every subset and weight with the document under the names `fontRuns` returns. */
export function registerFonts(doc: PDFDocument): void {
  for (const [name, data] of loadFonts().files) doc.registerFont(name, data);
}

function subsetOf(codePoint: number): Subset {
  const { ranges } = loadFonts();
  for (const subset of SUBSETS) {
    if (ranges.get(subset)?.some(([from, to]) => codePoint >= from && codePoint <= to)) return subset;
  }
  // Nothing covers it (a symbol no form should hold): the Latin font prints its "missing" box.
  return 'latin';
}

/** Splits text into runs, each in the font that has its glyphs. Expects NFC text. */
export function fontRuns(text: string, weight: FontWeight): FontRun[] {
  const runs: FontRun[] = [];
  for (const char of text) {
    const font = fontName(subsetOf(char.codePointAt(0) ?? 0), weight);
    const last = runs.at(-1);
    if (last?.font === font) last.text += char;
    else runs.push({ text: char, font });
  }
  return runs;
}
