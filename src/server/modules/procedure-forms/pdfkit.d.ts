/**
 * The part of pdfkit 0.20 the form renderer uses. pdfkit ships no type declarations and
 * @types/pdfkit follows an older major version, so only what is called here is declared.
 */
declare module 'pdfkit' {
  interface PdfInfo {
    Title?: string;
    Author?: string;
    Subject?: string;
    Creator?: string;
    Producer?: string;
    CreationDate?: Date;
  }

  interface PdfDocumentOptions {
    size?: string | [number, number];
    margin?: number;
    autoFirstPage?: boolean;
    lang?: string;
    info?: PdfInfo;
  }

  interface PdfTextOptions {
    lineBreak?: boolean;
  }

  export default class PDFDocument {
    constructor(options?: PdfDocumentOptions);
    readonly page: { width: number; height: number };
    registerFont(name: string, data: Buffer): this;
    font(name: string): this;
    fontSize(size: number): this;
    fillColor(color: string, opacity?: number): this;
    strokeColor(color: string, opacity?: number): this;
    lineWidth(width: number): this;
    moveTo(x: number, y: number): this;
    lineTo(x: number, y: number): this;
    stroke(): this;
    save(): this;
    restore(): this;
    rotate(angle: number, options?: { origin?: [number, number] }): this;
    text(text: string, x: number, y: number, options?: PdfTextOptions): this;
    widthOfString(text: string): number;
    addPage(): this;
    on(event: 'data', listener: (chunk: Buffer) => void): this;
    on(event: 'end' | 'pageAdded', listener: () => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
    end(): void;
  }
}
