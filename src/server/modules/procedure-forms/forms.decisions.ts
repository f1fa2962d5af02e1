import type { ManagementDecisionInput, Mau54Input } from './form-data';
import type { FormDocument, Paragraph } from './forms.layout';
import {
  BLANK,
  centredLine,
  dateVi,
  issuerLines,
  orBlank,
  personInText,
  personParticulars,
  placeDateLine,
  unitInText,
  upperVi,
} from './forms.wording';

/** The commune chairman's documents: the management decision and the Mẫu số 54 certificate. */

const SIGN_AND_SEAL = '(Ký, ghi rõ họ tên, đóng dấu)';

function article(number: number, text: string): Paragraph {
  return { spans: [{ text: `Điều ${number}. `, bold: true }, { text }] };
}

/**
 * Quyết định quản lý người sử dụng trái phép chất ma túy. Law 73/2021 Art 23: the commune
 * chairman decides, on the commune police's proposal, for one year from the decision; the
 * content of management is the article's (counselling and help to stop, drug tests, preventing
 * disorder).
 */
export function managementDecision(input: ManagementDecisionInput): FormDocument {
  const { person, basisTest } = input;
  const commune = unitInText(input.communeName);
  const assignee = orBlank(input.assignedTo);
  const executors = [...new Set([`Công an ${commune}`, assignee])];
  const substances = basisTest.substances.length > 0 ? basisTest.substances.join(', ') : BLANK;
  const footnotes = [`Căn cứ pháp lý theo bộ quy tắc: ${input.ruleSetTitle}.`];
  if (input.unconfirmed.length > 0) footnotes.push(`Giá trị chưa xác nhận: ${input.unconfirmed.join('; ')}.`);
  return {
    title: 'Quyết định quản lý người sử dụng trái phép chất ma túy (bản nháp)',
    formLabel: null,
    issuer: issuerLines('commune_committee', input.communeName, input.provinceName),
    number: `Số: ${input.decisionNo ?? `${BLANK}/QĐ-UBND`}`,
    placeDate: placeDateLine(input.communeName, input.decisionDate),
    heading: ['QUYẾT ĐỊNH', 'Về việc quản lý người sử dụng trái phép chất ma túy'],
    body: [
      centredLine(`CHỦ TỊCH ỦY BAN NHÂN DÂN ${upperVi(input.communeName)}`, 0),
      ...input.legalBasis.map((citation): Paragraph => ({ spans: [{ text: `Căn cứ ${citation};` }] })),
      {
        spans: [
          {
            text: `Căn cứ kết quả xét nghiệm chất ma túy trong cơ thể ngày ${dateVi(basisTest.testedOn)} của ${basisTest.testingUnit}, dương tính với: ${substances};`,
          },
        ],
      },
      { spans: [{ text: `Theo đề nghị của Trưởng Công an ${commune}.` }] },
      centredLine('QUYẾT ĐỊNH:'),
      article(1, 'Quản lý người sử dụng trái phép chất ma túy đối với:'),
      ...personParticulars(person),
      {
        spans: [
          { text: 'Thời hạn quản lý: ' },
          { text: input.durationLabel, bold: true },
          { text: `, kể từ ngày ${dateVi(input.startDate)} đến ngày ${dateVi(input.endDate)}.` },
        ],
      },
      article(
        2,
        `Giao ${assignee} thực hiện quản lý ${personInText(person)}: tư vấn, động viên, giáo dục, giúp đỡ từ bỏ việc sử dụng trái phép chất ma túy; tổ chức xét nghiệm chất ma túy trong cơ thể; ngăn chặn hành vi gây mất trật tự, an toàn xã hội (Điều 23 Luật Phòng, chống ma túy).`,
      ),
      article(
        3,
        `Quyết định này có hiệu lực kể từ ngày ký. ${executors.join(', ')} và ${personInText(person)} chịu trách nhiệm thi hành Quyết định này.`,
      ),
    ],
    recipients: ['- Như Điều 3;', '- Lưu: VT.'],
    signatures: [{ titles: ['CHỦ TỊCH'], hint: SIGN_AND_SEAL, name: null }],
    footnotes,
  };
}

/**
 * Giấy chứng nhận hoàn thành thời hạn quản lý sau cai nghiện ma túy (NĐ 116/2021/NĐ-CP Art 81,
 * Mẫu số 54): at the end of post-rehab management the commune chairman certifies it and the
 * person leaves the post-rehab list.
 */
export function mau54Certificate(input: Mau54Input): FormDocument {
  const { person } = input;
  return {
    title: 'Mẫu số 54 – Giấy chứng nhận hoàn thành thời hạn quản lý sau cai nghiện ma túy (bản nháp)',
    formLabel: 'Mẫu số 54',
    issuer: issuerLines('commune_committee', input.communeName, input.provinceName),
    number: `Số: ${input.certificateNo ?? `${BLANK}/GCN-UBND`}`,
    placeDate: placeDateLine(input.communeName, input.issuedOn),
    heading: ['GIẤY CHỨNG NHẬN', 'Hoàn thành thời hạn quản lý sau cai nghiện ma túy'],
    body: [
      centredLine(`CHỦ TỊCH ỦY BAN NHÂN DÂN ${upperVi(input.communeName)}`, 0),
      { spans: [{ text: 'Căn cứ Điều 81 Nghị định số 116/2021/NĐ-CP ngày 21/12/2021 của Chính phủ;' }] },
      {
        spans: [{ text: `Căn cứ Quyết định số ${orBlank(input.managementDecisionNo)} về việc quản lý sau cai nghiện ma túy;` }],
      },
      centredLine('CHỨNG NHẬN:'),
      ...personParticulars(person),
      {
        spans: [
          { text: 'Đã hoàn thành thời hạn quản lý sau cai nghiện ma túy ' },
          { text: input.durationLabel, bold: true },
          {
            text: `, từ ngày ${dateVi(input.managementStart)} đến ngày ${dateVi(input.managementEnd)}, tại ${unitInText(input.communeName)}, ${unitInText(input.provinceName)}.`,
          },
        ],
      },
    ],
    recipients: [`- ${personInText(person, true)};`, `- Công an ${unitInText(input.communeName)};`, '- Lưu: VT.'],
    signatures: [{ titles: ['CHỦ TỊCH'], hint: SIGN_AND_SEAL, name: null }],
    footnotes: [],
  };
}
