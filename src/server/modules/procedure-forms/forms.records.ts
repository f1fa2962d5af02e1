import { MAU_27_VIOLATION_TEXT, type Mau27Input, type Mau30Input } from './form-data';
import type { FormDocument, Paragraph } from './forms.layout';
import { BLANK, dateVi, issuerLines, listLine, orBlank, personParticulars, placeDateLine } from './forms.wording';

/**
 * The records of the compulsory-rehab dossier (NĐ 116/2021/NĐ-CP): the violation record
 * (Mẫu số 27) and the personal résumé (Mẫu số 30). Since 01/03/2025 (TTLT 03/2025) the head of
 * commune police compiles the dossier, so both default to the commune police as issuing body.
 */

const SIGN_WITH_NAME = '(Ký, ghi rõ họ tên)';

function plain(text: string): Paragraph {
  return { spans: [{ text }] };
}

function labelled(label: string, text: string): Paragraph {
  return { spans: [{ text: `${label} `, bold: true }, { text }] };
}

/**
 * Biên bản vi phạm (Mẫu số 27). NĐ 116/2021 Art 33: the violation that makes voluntary rehab or
 * substitution treatment give way to the compulsory-rehab dossier. The person's own statement and
 * the number of copies are left blank: they are written at the scene.
 */
export function mau27Record(input: Mau27Input): FormDocument {
  const { person, recorder } = input;
  const witnesses: Paragraph[] =
    input.witnesses.length > 0
      ? input.witnesses.map((witness) => ({ spans: [{ text: `- ${witness};` }], align: 'left' as const }))
      : [plain(BLANK)];
  return {
    title: 'Mẫu số 27 – Biên bản vi phạm (bản nháp)',
    formLabel: 'Mẫu số 27',
    issuer: issuerLines(input.recordingBody ?? 'commune_police', input.communeName, input.provinceName),
    number: `Số: ${BLANK}/BB-VP`,
    placeDate: placeDateLine(input.communeName, input.recordedOn),
    heading: ['BIÊN BẢN VI PHẠM', 'Về việc vi phạm quy định về cai nghiện ma túy'],
    body: [
      plain(`Hôm nay, ngày ${dateVi(input.recordedOn)}, tại ${input.recordedAt}.`),
      plain(`Người lập biên bản: ${recorder.name}, chức vụ: ${recorder.title}.`),
      plain('Người chứng kiến:'),
      ...witnesses,
      plain('Tiến hành lập biên bản vi phạm đối với:'),
      ...personParticulars(person),
      {
        spans: [
          { text: 'Hành vi vi phạm: ', bold: true },
          { text: `${MAU_27_VIOLATION_TEXT[input.violation]} (Điều 33 Nghị định số 116/2021/NĐ-CP).` },
        ],
      },
      labelled('Diễn biến sự việc:', orBlank(input.description)),
      labelled('Ý kiến của người vi phạm:', BLANK),
      plain(
        `Biên bản được lập thành ${BLANK} bản có giá trị như nhau, đã đọc lại cho những người có tên trên cùng nghe, công nhận đúng và cùng ký tên dưới đây.`,
      ),
    ],
    recipients: [],
    signatures: [
      { titles: ['NGƯỜI VI PHẠM'], hint: SIGN_WITH_NAME, name: person.fullName },
      ...(input.witnesses.length > 0
        ? [{ titles: ['NGƯỜI CHỨNG KIẾN'], hint: SIGN_WITH_NAME, name: input.witnesses[0] ?? null }]
        : []),
      { titles: ['NGƯỜI LẬP BIÊN BẢN'], hint: SIGN_WITH_NAME, name: recorder.name },
    ],
    footnotes: [],
  };
}

/**
 * Bản tóm tắt lý lịch (Mẫu số 30): the résumé at the head of the compulsory-rehab dossier
 * (NĐ 116/2021, dossier for a person with a stable residence).
 */
export function mau30Resume(input: Mau30Input): FormDocument {
  const { person } = input;
  const history: Paragraph[] =
    input.history.length > 0
      ? input.history.map((entry) => ({ spans: [{ text: `- ${dateVi(entry.date)}: ${entry.event}` }], align: 'left' as const }))
      : [plain(BLANK)];
  const family: Paragraph[] =
    input.family.length > 0
      ? input.family.map((line) => ({ spans: [{ text: `- ${line}` }], align: 'left' as const }))
      : [plain(BLANK)];
  return {
    title: 'Mẫu số 30 – Bản tóm tắt lý lịch (bản nháp)',
    formLabel: 'Mẫu số 30',
    issuer: issuerLines(input.recordingBody ?? 'commune_police', input.communeName, input.provinceName),
    number: null,
    placeDate: placeDateLine(input.communeName, input.preparedOn),
    heading: ['BẢN TÓM TẮT LÝ LỊCH', 'Của người bị đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc'],
    body: [
      // Name, sex, birth and id; the résumé gives two addresses instead of one residence.
      ...personParticulars(person).slice(0, 4),
      listLine('Dân tộc', orBlank(person.ethnicity)),
      listLine('Quốc tịch', person.nationality),
      listLine('Nghề nghiệp', orBlank(person.occupation)),
      listLine('Nơi thường trú', orBlank(person.permanentAddress)),
      listLine('Nơi ở hiện tại', orBlank(person.currentAddress)),
      labelled('Hoàn cảnh gia đình:', ''),
      ...family,
      labelled('Tóm tắt quá trình sử dụng trái phép chất ma túy và vi phạm pháp luật:', ''),
      ...history,
    ],
    recipients: [],
    signatures: [{ titles: ['NGƯỜI LẬP'], hint: `${input.preparedBy.title}\n${SIGN_WITH_NAME}`, name: input.preparedBy.name }],
    footnotes: [],
  };
}
