/**
 * What each printable form is filled from: plain data the procedures service assembles (no
 * database access here). Dates are ISO `YYYY-MM-DD`; text is NFC. A `null` value prints as a
 * dotted blank for the officer to fill in by hand.
 */

/** The person a form is about, as the registry holds them. */
export interface FormPerson {
  fullName: string;
  /** Full date of birth when known; otherwise only `birthYear` is printed. */
  birthDate: string | null;
  birthYear: number;
  sex: 'male' | 'female';
  /** Số định danh cá nhân (12 digits). */
  personalId: string | null;
  /** Nơi cư trú, as one line. */
  residence: string | null;
}

/** The person as the résumé (Mẫu số 30) describes them. */
export interface ResumePerson extends FormPerson {
  ethnicity: string | null;
  nationality: string;
  occupation: string | null;
  permanentAddress: string | null;
  currentAddress: string | null;
}

/** An official who signs a form. */
export interface FormOfficial {
  name: string;
  /** Chức vụ, e.g. "Trưởng Công an xã". */
  title: string;
}

/**
 * The body in whose name a record is drawn up. NĐ 116/2021 Art 33 lets either the commune
 * People's Committee chairman or the head of commune police record a violation, and since
 * 01/03/2025 (TTLT 03/2025) the commune police compile the compulsory-rehab dossier.
 */
export type RecordingBody = 'commune_committee' | 'commune_police';

/**
 * Quyết định quản lý người sử dụng trái phép chất ma túy: the commune chairman's decision
 * (Law 73/2021 Art 23; NĐ 105/2021/NĐ-CP).
 */
export interface ManagementDecisionInput {
  form: 'management-decision';
  /** With its type, e.g. "Xã Tân Phú". */
  communeName: string;
  /** With its type, e.g. "Tỉnh Đồng Nai". */
  provinceName: string;
  /** The full number with its symbol as registered, e.g. "15/QĐ-UBND"; null before numbering. */
  decisionNo: string | null;
  decisionDate: string | null;
  person: FormPerson;
  /** The positive drug test the decision rests on. */
  basisTest: { testedOn: string; testingUnit: string; substances: string[] };
  startDate: string;
  endDate: string;
  /** E.g. "01 năm". */
  durationLabel: string;
  /** Citations printed as "Căn cứ …;" lines. */
  legalBasis: string[];
  /** Who is assigned to manage the person; null leaves a blank. */
  assignedTo: string | null;
  /** The rule set the values come from, printed in the footnote. */
  ruleSetTitle: string;
  /** Labels of the values used that are "chưa xác nhận" (issue #5); printed in a footnote. */
  unconfirmed: string[];
}

/** The violations NĐ 116/2021 Art 33 lists as grounds for a violation record (Mẫu số 27). */
export type Mau27Violation =
  | 'not_registered'
  | 'not_carried_out'
  | 'self_terminated'
  | 'used_during_voluntary'
  | 'ost_noncompliance';

/** Biên bản vi phạm (NĐ 116/2021/NĐ-CP, Mẫu số 27). */
export interface Mau27Input {
  form: 'mau-27';
  communeName: string;
  provinceName: string;
  /** Defaults to the commune police. */
  recordingBody?: RecordingBody;
  recordedOn: string;
  /** Where the record is drawn up, as one line. */
  recordedAt: string;
  recorder: FormOfficial;
  person: FormPerson;
  violation: Mau27Violation;
  description: string | null;
  witnesses: string[];
}

/** Bản tóm tắt lý lịch (NĐ 116/2021/NĐ-CP, Mẫu số 30), part of the compulsory-rehab dossier. */
export interface Mau30Input {
  form: 'mau-30';
  communeName: string;
  provinceName: string;
  /** Defaults to the commune police, who compile the dossier since 01/03/2025. */
  recordingBody?: RecordingBody;
  person: ResumePerson;
  /** Free lines about the family (parents, spouse, children). */
  family: string[];
  history: { date: string; event: string }[];
  preparedBy: FormOfficial;
  preparedOn: string;
}

/**
 * Giấy chứng nhận hoàn thành thời hạn quản lý sau cai nghiện ma túy (NĐ 116/2021/NĐ-CP Art 81,
 * Mẫu số 54), issued by the commune People's Committee chairman.
 */
export interface Mau54Input {
  form: 'mau-54';
  communeName: string;
  provinceName: string;
  /** The full number with its symbol, e.g. "03/GCN-UBND"; null before numbering. */
  certificateNo: string | null;
  issuedOn: string | null;
  person: FormPerson;
  /** The post-rehab management decision, e.g. "21/QĐ-UBND". */
  managementDecisionNo: string | null;
  managementStart: string;
  managementEnd: string;
  /** E.g. "01 năm". */
  durationLabel: string;
}

/** Any printable form, told apart by `form`. */
export type FormInput = ManagementDecisionInput | Mau27Input | Mau30Input | Mau54Input;

/** How each violation is worded on the record (NĐ 116/2021/NĐ-CP Art 33). */
export const MAU_27_VIOLATION_TEXT: Record<Mau27Violation, string> = {
  not_registered: 'Người nghiện ma túy không đăng ký cai nghiện ma túy tự nguyện',
  not_carried_out: 'Không thực hiện cai nghiện ma túy tự nguyện theo quyết định',
  self_terminated: 'Tự ý chấm dứt cai nghiện ma túy tự nguyện',
  used_during_voluntary: 'Sử dụng trái phép chất ma túy trong thời gian cai nghiện ma túy tự nguyện',
  ost_noncompliance:
    'Người nghiện các chất dạng thuốc phiện đang điều trị nghiện bằng thuốc thay thế không tuân thủ quy định về điều trị nghiện hoặc tự ý chấm dứt điều trị',
};
