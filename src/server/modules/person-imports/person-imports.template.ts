import { PERSON_IMPORT_MEDIA_TYPES, type PersonImportFileType } from '@shared/contracts/person-imports';
import { PERSON_IMPORT_COLUMNS } from '@shared/person-import/columns';
import ExcelJS from 'exceljs';

/**
 * The import template: row 1 holds the Vietnamese headers the parser expects, nothing else (an
 * example row would be imported if left in). The xlsx template keeps ID numbers, codes and phones
 * as text cells, so that Excel does not drop their leading zeros, and explains each column on a
 * second sheet. The CSV template is UTF-8 with a byte-order mark, which Excel needs to show
 * Vietnamese letters.
 */
export interface TemplateFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

export const TEMPLATE_SHEET = 'Đối tượng';
const TEMPLATE_ROWS = 1000;

function csvCell(text: string): string {
  return /[",;\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

async function xlsxTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PCMT';
  const sheet = workbook.addWorksheet(TEMPLATE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = PERSON_IMPORT_COLUMNS.map((column) => ({
    header: column.header,
    key: column.key,
    width: Math.max(12, column.header.length + 4),
    // '@' is Excel's Text format: typed digits stay as typed.
    ...('text' in column && column.text ? { style: { numFmt: '@' } } : {}),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell, index) => {
    const column = PERSON_IMPORT_COLUMNS[index - 1];
    if (column) cell.note = `${column.required ? 'Bắt buộc. ' : ''}${column.format.vi}`;
  });
  // The format of whole columns reaches rows Excel has not created yet only through these rows.
  for (let r = 2; r <= TEMPLATE_ROWS; r++) {
    PERSON_IMPORT_COLUMNS.forEach((column, index) => {
      if ('text' in column && column.text) sheet.getRow(r).getCell(index + 1).numFmt = '@';
    });
  }

  const help = workbook.addWorksheet('Hướng dẫn');
  help.columns = [
    { header: 'Cột', key: 'header', width: 30 },
    { header: 'Bắt buộc', key: 'required', width: 10 },
    { header: 'Cách ghi', key: 'format', width: 70 },
    { header: 'Ví dụ (dữ liệu giả)', key: 'example', width: 26 },
  ];
  help.getRow(1).font = { bold: true };
  for (const column of PERSON_IMPORT_COLUMNS) {
    help.addRow({
      header: column.header,
      required: column.required ? 'Có' : '',
      format: column.format.vi,
      example: column.example,
    });
  }
  help.addRow({});
  help.addRow({ header: 'Dòng 1 của trang “Đối tượng” là dòng tiêu đề; mỗi dòng sau là một người.' });
  help.addRow({ header: 'Kiểm tra tệp trước (chạy thử); chỉ khi không còn dòng lỗi, hệ thống mới nhập cả tệp một lần.' });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The template in the asked format. */
export async function personImportTemplate(format: PersonImportFileType): Promise<TemplateFile> {
  if (format === 'csv') {
    const header = PERSON_IMPORT_COLUMNS.map((column) => csvCell(column.header)).join(',');
    return {
      fileName: 'mau-nhap-doi-tuong.csv',
      contentType: `${PERSON_IMPORT_MEDIA_TYPES.csv}; charset=utf-8`,
      content: Buffer.from(`\uFEFF${header}\r\n`, 'utf8'),
    };
  }
  return { fileName: 'mau-nhap-doi-tuong.xlsx', contentType: PERSON_IMPORT_MEDIA_TYPES.xlsx, content: await xlsxTemplate() };
}
