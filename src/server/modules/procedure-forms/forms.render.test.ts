import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { FormPerson, ManagementDecisionInput, Mau27Input, Mau30Input, Mau54Input } from './form-data';
import { DRAFT_NOTICE } from './forms.layout';
import { renderForm } from './forms.render';

// Every person, place and number below is made up for the tests.
const PERSON: FormPerson = {
  fullName: 'Nguyễn Văn Thử Nghiệm',
  birthDate: '1990-02-03',
  birthYear: 1990,
  sex: 'male',
  personalId: '001099000001',
  residence: 'Thôn Giả Định, xã Tân Phú, tỉnh Đồng Nai',
};

const DECISION: ManagementDecisionInput = {
  form: 'management-decision',
  communeName: 'Xã Tân Phú',
  provinceName: 'Tỉnh Đồng Nai',
  decisionNo: null,
  decisionDate: '2025-03-05',
  person: PERSON,
  basisTest: { testedOn: '2025-03-03', testingUnit: 'Trạm Y tế xã Tân Phú (thử nghiệm)', substances: ['Methamphetamine'] },
  startDate: '2025-03-05',
  endDate: '2026-03-04',
  durationLabel: '01 năm',
  legalBasis: ['Luật Phòng, chống ma túy số 73/2021/QH14', 'Nghị định số 105/2021/NĐ-CP ngày 04/12/2021 của Chính phủ'],
  assignedTo: 'Công an xã Tân Phú',
  ruleSetTitle: 'Luật 73/2021 (bộ quy tắc thử nghiệm)',
  unconfirmed: ['Thời hạn quản lý', 'Hạn ra quyết định'],
};

const MAU_27: Mau27Input = {
  form: 'mau-27',
  communeName: 'Xã Tân Phú',
  provinceName: 'Tỉnh Đồng Nai',
  recordedOn: '2025-11-20',
  recordedAt: 'Trụ sở Công an xã Tân Phú',
  recorder: { name: 'Trần Văn Lập Thử', title: 'Trưởng Công an xã' },
  person: { ...PERSON, fullName: 'Đặng Thị Hằng Thử Nghiệm', sex: 'female', birthDate: null, birthYear: 1988 },
  violation: 'self_terminated',
  description: 'Nội dung thử nghiệm: Nguyễn Thị Hằng, Đặng Quốc Việt, ữ ỹ ặ.',
  witnesses: ['Lê Văn Chứng Thử'],
};

const MAU_30: Mau30Input = {
  form: 'mau-30',
  communeName: 'Phường Thử Nghiệm',
  provinceName: 'Thành phố Hà Nội',
  person: {
    ...PERSON,
    birthDate: null,
    ethnicity: 'Kinh',
    nationality: 'Việt Nam',
    occupation: null,
    permanentAddress: 'Số 1 phố Giả Định, phường Thử Nghiệm',
    currentAddress: null,
  },
  family: ['Bố: Nguyễn Văn Bố Thử, sinh năm 1960'],
  history: [
    { date: '2024-01-15', event: 'Xét nghiệm dương tính lần đầu (thử nghiệm)' },
    { date: '2025-02-07', event: 'Tự ý chấm dứt cai nghiện tự nguyện (thử nghiệm)' },
  ],
  preparedBy: { name: 'Phạm Văn Lập Thử', title: 'Cán bộ Công an phường' },
  preparedOn: '2025-02-10',
};

const MAU_54: Mau54Input = {
  form: 'mau-54',
  communeName: 'Xã Tân Phú',
  provinceName: 'Tỉnh Đồng Nai',
  certificateNo: null,
  issuedOn: '2025-12-01',
  person: PERSON,
  managementDecisionNo: '21/QĐ-UBND',
  managementStart: '2024-11-30',
  managementEnd: '2025-11-29',
  durationLabel: '01 năm',
};

interface Extracted {
  pages: string[];
  /** All pages, white space collapsed to single spaces (lines wrap anywhere). */
  text: string;
  info: Record<string, unknown>;
}

async function extract(pdf: Buffer): Promise<Extracted> {
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  const { info } = await document.getMetadata();
  await document.destroy();
  return { pages, text: pages.join('\n').replace(/\s+/g, ' '), info: info as Record<string, unknown> };
}

describe('renderForm', () => {
  it('prints the management decision with its heading, dates, blank number and unconfirmed footnote', async () => {
    const pdf = await renderForm(DECISION);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { pages, text, info } = await extract(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('ỦY BAN NHÂN DÂN XÃ TÂN PHÚ');
    expect(text).toContain('Tân Phú, ngày 05 tháng 3 năm 2025');
    expect(text).toContain('QUYẾT ĐỊNH Về việc quản lý người sử dụng trái phép chất ma túy');
    expect(text).toContain('Số: ……/QĐ-UBND');
    expect(text).toContain('Họ và tên: Nguyễn Văn Thử Nghiệm');
    expect(text).toContain('Ngày sinh: 03/02/1990');
    expect(text).toContain('Số định danh cá nhân: 001099000001');
    expect(text).toContain('ngày 03/03/2025 của Trạm Y tế xã Tân Phú (thử nghiệm), dương tính với: Methamphetamine');
    expect(text).toContain('kể từ ngày 05/03/2025 đến ngày 04/03/2026');
    expect(text).toContain('Căn cứ Luật Phòng, chống ma túy số 73/2021/QH14;');
    expect(text).toContain('Giá trị chưa xác nhận: Thời hạn quản lý; Hạn ra quyết định.');
    expect(text).toContain('Luật 73/2021 (bộ quy tắc thử nghiệm)');
    expect(text).toContain('CHỦ TỊCH');
    expect(text).toContain(DRAFT_NOTICE);
    expect(info.Producer).toBe('PCMT');
    expect(info.Title).toBe('Quyết định quản lý người sử dụng trái phép chất ma túy (bản nháp)');
  });

  it('prints the decision number when there is one and no footnote when every value is confirmed', async () => {
    const { text } = await extract(await renderForm({ ...DECISION, decisionNo: '15/QĐ-UBND', unconfirmed: [] }));
    expect(text).toContain('Số: 15/QĐ-UBND');
    expect(text).not.toContain('……/QĐ-UBND');
    expect(text).not.toContain('Giá trị chưa xác nhận');
  });

  it('leaves the date line blank for an undated decision', async () => {
    const { text } = await extract(await renderForm({ ...DECISION, decisionDate: null }));
    expect(text).toContain('Tân Phú, ngày …… tháng …… năm ……');
  });

  it('prints the violation record (Mẫu số 27) with Vietnamese letters intact', async () => {
    const { pages, text } = await extract(await renderForm(MAU_27));
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(text).toContain('Mẫu số 27');
    expect(text).toContain('BIÊN BẢN VI PHẠM');
    expect(text).toContain('CÔNG AN TỈNH ĐỒNG NAI CÔNG AN XÃ TÂN PHÚ');
    expect(text).toContain('Hôm nay, ngày 20/11/2025, tại Trụ sở Công an xã Tân Phú.');
    expect(text).toContain('Họ và tên: Đặng Thị Hằng Thử Nghiệm');
    expect(text).toContain('Giới tính: Nữ');
    expect(text).toContain('Năm sinh: 1988');
    expect(text).toContain('Hành vi vi phạm: Tự ý chấm dứt cai nghiện ma túy tự nguyện');
    expect(text).toContain('Nguyễn Thị Hằng, Đặng Quốc Việt, ữ ỹ ặ.');
    expect(text).toContain('- Lê Văn Chứng Thử;');
    expect(text).toContain('NGƯỜI LẬP BIÊN BẢN');
    expect(text).toContain('Trần Văn Lập Thử');
  });

  it('names the commune committee as issuing body when it records the violation', async () => {
    const { text } = await extract(await renderForm({ ...MAU_27, recordingBody: 'commune_committee', witnesses: [] }));
    expect(text).toContain('ỦY BAN NHÂN DÂN XÃ TÂN PHÚ');
    expect(text).not.toContain('CÔNG AN TỈNH');
    expect(text).not.toContain('NGƯỜI CHỨNG KIẾN');
  });

  it('prints the résumé (Mẫu số 30) with family lines and dated history', async () => {
    const { text } = await extract(await renderForm(MAU_30));
    expect(text).toContain('Mẫu số 30');
    expect(text).toContain('BẢN TÓM TẮT LÝ LỊCH');
    expect(text).toContain('CÔNG AN THÀNH PHỐ HÀ NỘI CÔNG AN PHƯỜNG THỬ NGHIỆM');
    expect(text).toContain('Thử Nghiệm, ngày 10 tháng 02 năm 2025');
    expect(text).toContain('Họ và tên: Nguyễn Văn Thử Nghiệm');
    expect(text).toContain('Năm sinh: 1990');
    expect(text).toContain('Dân tộc: Kinh');
    expect(text).toContain('Nghề nghiệp: ……');
    expect(text).toContain('Nơi ở hiện tại: ……');
    expect(text).toContain('- Bố: Nguyễn Văn Bố Thử, sinh năm 1960');
    expect(text).toContain('- 15/01/2024: Xét nghiệm dương tính lần đầu (thử nghiệm)');
    expect(text).toContain('- 07/02/2025: Tự ý chấm dứt cai nghiện tự nguyện (thử nghiệm)');
    expect(text).toContain('NGƯỜI LẬP');
    expect(text).toContain('Phạm Văn Lập Thử');
  });

  it('prints the completion certificate (Mẫu số 54) with a blank number and the management period', async () => {
    const { text } = await extract(await renderForm(MAU_54));
    expect(text).toContain('Mẫu số 54');
    expect(text).toContain('GIẤY CHỨNG NHẬN Hoàn thành thời hạn quản lý sau cai nghiện ma túy');
    expect(text).toContain('Số: ……/GCN-UBND');
    expect(text).toContain('Tân Phú, ngày 01 tháng 12 năm 2025');
    expect(text).toContain('Căn cứ Quyết định số 21/QĐ-UBND');
    expect(text).toContain('Họ và tên: Nguyễn Văn Thử Nghiệm');
    expect(text).toContain('01 năm, từ ngày 30/11/2024 đến ngày 29/11/2025, tại xã Tân Phú, tỉnh Đồng Nai.');
  });

  it('continues a long form on further pages, each marked as a draft', async () => {
    const history = Array.from({ length: 60 }, (_, index) => ({
      date: `2024-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 28) + 1).padStart(2, '0')}`,
      event: `Sự việc thử nghiệm số ${index + 1}`,
    }));
    const { pages, text } = await extract(await renderForm({ ...MAU_30, history }));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) expect(page.replace(/\s+/g, ' ')).toContain(DRAFT_NOTICE);
    expect(text).toContain('- 04/12/2024: Sự việc thử nghiệm số 60');
    expect(text).toContain('Phạm Văn Lập Thử');
  });

  it('gives the same bytes for the same input', async () => {
    const [first, second] = await Promise.all([renderForm(MAU_54), renderForm(MAU_54)]);
    expect(first.equals(second)).toBe(true);
    const other = await renderForm({ ...MAU_54, certificateNo: '03/GCN-UBND' });
    expect(other.equals(first)).toBe(false);
  });
});
