import type { Citation, Rule, RuleSetVersion } from './types';

/**
 * The legal rules of drug-use management as effective-dated data (issue #5; DOMAIN.md §1, §4,
 * §12). Each value carries its citation as DOMAIN.md gives it and `confirmed` follows its [C]/[NC]
 * tag. Later versions hold only what they change: everything else is inherited from the version
 * they amend. Nothing here may be repeated as a constant in code; services read it through
 * `ruleOn` (shared) or the rules service (server), which also applies an administrator's override
 * of an unconfirmed value.
 */

const LAW_73 = 'Luật Phòng, chống ma túy số 73/2021/QH14';
const LAW_120 = 'Luật Phòng, chống ma túy số 120/2025/QH15';
const ND_105 = 'NĐ 105/2021/NĐ-CP';
const ND_116 = 'NĐ 116/2021/NĐ-CP';
const ND_120 = 'NĐ 120/2021/NĐ-CP';
const ND_90 = 'NĐ 90/2016/NĐ-CP, sửa đổi bởi NĐ 155/2018/NĐ-CP';
const TT_18 = 'TT 18/2021/TT-BYT';
const XLVPHC = 'Luật Xử lý vi phạm hành chính';
const ND_96 = 'NĐ 96/2016/NĐ-CP, sửa đổi bởi NĐ 56/2023/NĐ-CP';

const c = (document: string, sources: Citation['sources'], article?: string): Citation =>
  article ? { document, article, sources } : { document, sources };

/** Law 73/2021 and its decrees, in force 01/01/2022 (DOMAIN.md §1, first row). */
const LAW73_2022: Record<string, Rule> = {
  // §4.3: the commune chairman decides within 3 working days of a positive result (local resident).
  'illegal_user.decision_deadline': {
    title: 'Thời hạn Chủ tịch UBND xã quyết định quản lý người sử dụng trái phép chất ma túy',
    value: { kind: 'duration', amount: 3, unit: 'working_days' },
    citation: c(LAW_73, ['S3'], 'Điều 23'),
    confirmed: true,
  },
  'illegal_user.management_duration': {
    title: 'Thời hạn quản lý người sử dụng trái phép chất ma túy (kể từ ngày quyết định)',
    value: { kind: 'duration', amount: 1, unit: 'years' },
    citation: c(LAW_73, ['S3', 'S4', 'S5'], 'Điều 23'),
    confirmed: true,
  },
  // §4.4: the six diagnostic criteria of TT 18/2021 Art 3; addicted if at least 3 occur together.
  'determination.min_criteria': {
    title: 'Số tiêu chuẩn chẩn đoán tối thiểu (trên 6) để xác định nghiện',
    value: { kind: 'count', value: 3 },
    citation: c(TT_18, ['S10'], 'Điều 3'),
    confirmed: true,
  },
  'determination.criteria_period': {
    title: 'Thời gian các tiêu chuẩn cùng xuất hiện',
    value: { kind: 'duration', amount: 1, unit: 'months' },
    citation: c(TT_18, ['S10'], 'Điều 3'),
    confirmed: true,
  },
  'determination.criteria_recurrence_window': {
    title: 'Khoảng thời gian tái diễn các tiêu chuẩn (nếu cùng xuất hiện dưới 1 tháng)',
    value: { kind: 'duration', amount: 12, unit: 'months' },
    citation: c(TT_18, ['S10'], 'Điều 3'),
    confirmed: true,
  },
  // §4.4 case (c), §12: use within 1 year after education at commune triggers determination.
  'determination.after_education_window': {
    title: 'Thời gian sau khi chấp hành xong giáo dục tại xã mà sử dụng ma túy phải xác định nghiện',
    value: { kind: 'duration', amount: 1, unit: 'years' },
    citation: c(LAW_73, ['S8'], 'Điều 27(1)(c)'),
    confirmed: true,
  },
  'determination.time_limit': {
    title: 'Thời hạn xác định tình trạng nghiện',
    value: null,
    citation: c('NĐ 109/2021/NĐ-CP', []),
    confirmed: false,
    note: 'DOMAIN.md §4.4, §13(2): chưa tìm thấy thời hạn xác định tình trạng nghiện.',
  },
  // §4.5: registration TTHC 1.010941; the commune chairman decides within 3 working days.
  'voluntary_rehab.decision_deadline': {
    title: 'Thời hạn Chủ tịch UBND xã quyết định cai nghiện tự nguyện tại gia đình, cộng đồng',
    value: { kind: 'duration', amount: 3, unit: 'working_days' },
    citation: c('Thủ tục hành chính 1.010941 (NĐ 116/2021/NĐ-CP)', ['S15']),
    confirmed: true,
  },
  'voluntary_rehab.duration': {
    title: 'Thời hạn cai nghiện tự nguyện (tại gia đình, cộng đồng hoặc tại cơ sở)',
    value: { kind: 'range', min: 6, max: 12, unit: 'months' },
    citation: c(`${LAW_73}; ${ND_116}`, ['S12', 'S13']),
    confirmed: true,
  },
  // §4.6: OST (methadone) under NĐ 90/2016; whether it was replaced is [NC], its values are [C].
  'ost.acceptance_deadline': {
    title: 'Thời hạn cơ sở điều trị thay thế quyết định tiếp nhận',
    value: { kind: 'duration', amount: 10, unit: 'working_days' },
    citation: c(ND_90, ['S28']),
    confirmed: true,
  },
  'ost.min_age_without_consent': {
    title: 'Tuổi được điều trị thay thế không cần đồng ý bằng văn bản của cha, mẹ, người giám hộ',
    value: { kind: 'age', years: 16 },
    citation: c(ND_90, ['S28']),
    confirmed: true,
  },
  'ost.termination_noncompliance_count': {
    title: 'Số lần không tuân thủ điều trị dẫn đến chấm dứt điều trị thay thế',
    value: { kind: 'count', value: 2 },
    citation: c(ND_90, ['S28']),
    confirmed: true,
  },
  'ost.termination_noncompliance_window': {
    title: 'Khoảng thời gian tính số lần không tuân thủ điều trị',
    value: { kind: 'duration', amount: 6, unit: 'months' },
    citation: c(ND_90, ['S28']),
    confirmed: true,
  },
  'ost.termination_positive_count': {
    title: 'Số lần liên tiếp dương tính với chất dạng thuốc phiện dẫn đến chấm dứt điều trị thay thế',
    value: { kind: 'count', value: 2 },
    citation: c(ND_90, ['S28']),
    confirmed: true,
  },
  'ost.termination_positive_window': {
    title: 'Khoảng thời gian sau khi đạt liều duy trì tính số lần dương tính',
    value: { kind: 'duration', amount: 12, unit: 'months' },
    citation: c(ND_90, ['S28']),
    confirmed: true,
  },
  // §4.7: the dossier is compiled within 5 working days of discovering an Art 32 case.
  'compulsory.dossier_deadline': {
    title: 'Thời hạn lập hồ sơ đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc',
    value: { kind: 'duration', amount: 5, unit: 'working_days' },
    citation: c(ND_116, ['S17']),
    confirmed: true,
  },
  'compulsory.adult_duration': {
    title: 'Thời hạn cai nghiện bắt buộc đối với người từ đủ 18 tuổi',
    value: { kind: 'range', min: 12, max: 24, unit: 'months' },
    citation: c(XLVPHC, ['S19'], 'Điều 95'),
    confirmed: true,
  },
  'compulsory.minor_duration': {
    title: 'Thời hạn cai nghiện bắt buộc đối với người từ đủ 12 đến dưới 18 tuổi',
    value: { kind: 'range', min: 6, max: 12, unit: 'months' },
    citation: c(LAW_73, ['S21'], 'Điều 33'),
    confirmed: true,
  },
  'compulsory.min_age': {
    title: 'Tuổi tối thiểu bị đưa vào cơ sở cai nghiện bắt buộc',
    value: { kind: 'age', years: 12 },
    citation: c(LAW_73, ['S21'], 'Điều 33'),
    confirmed: true,
  },
  'compulsory.adult_min_age': {
    title: 'Tuổi áp dụng biện pháp xử lý hành chính đưa vào cơ sở cai nghiện bắt buộc',
    value: { kind: 'age', years: 18 },
    citation: c(LAW_73, ['S7', 'S48'], 'Điều 32'),
    confirmed: true,
  },
  'compulsory.reduction': {
    title: 'Mức giảm thời hạn cai nghiện bắt buộc',
    value: { kind: 'range', min: 3, max: 6, unit: 'months' },
    citation: c(ND_116, ['S20']),
    confirmed: true,
    note: 'Điều kiện: đã chấp hành một nửa thời hạn, có tiến bộ, xếp loại tốt trở lên ít nhất 3 tháng gần nhất.',
  },
  'compulsory.reduction_good_rating_period': {
    title: 'Thời gian xếp loại tốt trở lên gần nhất để được xét giảm thời hạn',
    value: { kind: 'duration', amount: 3, unit: 'months' },
    citation: c(ND_116, ['S20']),
    confirmed: true,
  },
  'compulsory.minor_court_decision_deadline': {
    title: 'Thời hạn Tòa án quyết định đưa người từ đủ 12 đến dưới 18 tuổi vào cơ sở cai nghiện bắt buộc (từ ngày thụ lý)',
    value: { kind: 'duration', amount: 15, unit: 'days' },
    citation: c('Pháp lệnh 01/2022/UBTVQH15', ['S29']),
    confirmed: true,
  },
  'compulsory.adult_court_decision_deadline': {
    title: 'Thời hạn Tòa án quyết định đưa người từ đủ 18 tuổi vào cơ sở cai nghiện bắt buộc (từ ngày thụ lý)',
    value: null,
    citation: c('Pháp lệnh 09/2014', []),
    confirmed: false,
    note: 'DOMAIN.md §4.7, §12, §13(3): thời hạn chưa xác nhận.',
  },
  // §4.9: Law 73 Art 40 — 1 year (voluntary, OST, minors), 2 years (adults after compulsory rehab).
  'post_rehab.duration_default': {
    title: 'Thời hạn quản lý sau cai nghiện (cai tự nguyện, điều trị thay thế, người chưa thành niên)',
    value: { kind: 'duration', amount: 1, unit: 'years' },
    citation: c(LAW_73, ['S22'], 'Điều 40'),
    confirmed: true,
  },
  'post_rehab.duration_after_adult_compulsory': {
    title: 'Thời hạn quản lý sau cai nghiện đối với người từ đủ 18 tuổi chấp hành xong cai nghiện bắt buộc',
    value: { kind: 'duration', amount: 2, unit: 'years' },
    citation: c(LAW_73, ['S22'], 'Điều 40'),
    confirmed: true,
  },
  'post_rehab.decision_deadline': {
    title: 'Thời hạn Chủ tịch UBND xã quyết định quản lý sau cai nghiện',
    value: null,
    citation: c(ND_116, []),
    confirmed: false,
    note: 'DOMAIN.md §4.9: thời hạn ra quyết định chưa xác nhận.',
  },
  // §4.8: education at commune (NĐ 120/2021; its own effective date is [NC], its values are [C]).
  'education_at_commune.min_age': {
    title: 'Tuổi tối thiểu áp dụng giáo dục tại xã, phường, thị trấn',
    value: { kind: 'age', years: 14 },
    citation: c(ND_120, ['S25']),
    confirmed: true,
  },
  'education_at_commune.violation_count': {
    title: 'Lần vi phạm sử dụng trái phép chất ma túy bị lập biên bản (sau 2 lần bị xử phạt)',
    value: { kind: 'count', value: 3 },
    citation: c(ND_120, ['S4', 'S25']),
    confirmed: true,
  },
  'education_at_commune.violation_window': {
    title: 'Khoảng thời gian tính các lần vi phạm',
    value: { kind: 'duration', amount: 6, unit: 'months' },
    citation: c(ND_120, ['S4', 'S25']),
    confirmed: true,
  },
  'education_at_commune.limitation': {
    title: 'Thời hiệu áp dụng giáo dục tại xã (kể từ lần vi phạm cuối)',
    value: { kind: 'duration', amount: 3, unit: 'months' },
    citation: c(ND_120, ['S25']),
    confirmed: true,
    note: 'Tính lại nếu người vi phạm cố tình trốn tránh.',
  },
  'education_at_commune.duration': {
    title: 'Thời hạn giáo dục tại xã, phường, thị trấn',
    value: { kind: 'range', min: 3, max: 6, unit: 'months' },
    citation: c(ND_120, ['S25']),
    confirmed: true,
  },
  'education_at_commune.helper_deadline': {
    title: 'Thời hạn phân công người giúp đỡ (kể từ ngày quyết định)',
    value: { kind: 'duration', amount: 5, unit: 'working_days' },
    citation: c(ND_120, ['S26']),
    confirmed: true,
  },
  'education_at_commune.max_persons_per_helper': {
    title: 'Số người tối đa một người giúp đỡ đồng thời',
    value: { kind: 'count', value: 3 },
    citation: c(ND_120, ['S26']),
    confirmed: true,
  },
  // §6, §12: businesses with security conditions (NĐ 96/2016 as amended).
  'business.start_notice_deadline': {
    title: 'Thời hạn cơ sở kinh doanh thông báo Công an xã khi bắt đầu hoạt động',
    value: { kind: 'duration', amount: 5, unit: 'days' },
    citation: c(ND_96, ['S43']),
    confirmed: true,
  },
  'business.lost_certificate_notice_deadline': {
    title: 'Thời hạn thông báo mất Giấy chứng nhận đủ điều kiện về an ninh, trật tự',
    value: { kind: 'duration', amount: 3, unit: 'working_days' },
    citation: c(ND_96, ['S43']),
    confirmed: true,
  },
  'business.security_report_period': {
    title: 'Kỳ báo cáo về an ninh, trật tự của cơ sở kinh doanh (hằng quý)',
    value: { kind: 'duration', amount: 3, unit: 'months' },
    citation: c(ND_96, ['S43']),
    confirmed: true,
  },
};

/** The rule sets, oldest first. Their periods meet without gap or overlap (a test checks it). */
export const RULE_SETS: readonly RuleSetVersion[] = [
  {
    id: 'law73-2022',
    title: 'Luật Phòng, chống ma túy 2021 và các nghị định hướng dẫn',
    effectiveFrom: '2022-01-01',
    effectiveTo: '2025-02-28',
    inherits: null,
    documents: [
      { name: LAW_73, issued: '2021-03-30', sources: ['S1'] },
      { name: ND_105, issued: '2021-12-04', sources: ['S4', 'S6'] },
      { name: 'NĐ 109/2021/NĐ-CP', issued: '2021-12-08', sources: ['S11'] },
      { name: ND_116, issued: '2021-12-21', sources: ['S24'] },
      { name: TT_18, issued: '2021-11-16', sources: ['S10'] },
      // DOMAIN.md §1: the effective date of NĐ 120/2021 is [NC].
      { name: ND_120, sources: ['S26'] },
    ],
    rules: LAW73_2022,
  },
  {
    // NĐ 02/2025/NĐ-CP: rehab and post-rehab move to the Ministry of Public Security on 01/03/2025;
    // TTLT 03/2025 gives the compulsory-rehab dossier to the head of commune police.
    id: 'law73-2025-03',
    title: 'Chuyển quản lý nhà nước về cai nghiện sang Bộ Công an (NĐ 02/2025/NĐ-CP)',
    effectiveFrom: '2025-03-01',
    effectiveTo: '2025-06-30',
    inherits: 'law73-2022',
    documents: [
      { name: 'NĐ 02/2025/NĐ-CP', issued: '2025-02-18', sources: ['S32'] },
      { name: 'TTLT 03/2025/TTLT-BCA-VKSNDTC-TANDTC', issued: '2025-03-01', sources: ['S32'] },
    ],
    rules: {},
    reaffirmed: {
      // The 5 working days of NĐ 116 stay; the head of commune police now compiles the dossier.
      'compulsory.dossier_deadline': c(`${ND_116}; TTLT 03/2025/TTLT-BCA-VKSNDTC-TANDTC`, ['S17', 'S32']),
    },
  },
  {
    // Two-tier local government from 01/07/2025: NĐ 184/2025 reassigns district powers; courts are
    // TAND khu vực and PL 08/2025 amends the juvenile compulsory-rehab ordinance.
    id: 'law73-2025-07',
    title: 'Chính quyền địa phương hai cấp (NĐ 184/2025/NĐ-CP, Pháp lệnh 08/2025/UBTVQH15)',
    effectiveFrom: '2025-07-01',
    effectiveTo: '2026-06-30',
    inherits: 'law73-2025-03',
    documents: [
      { name: 'NĐ 184/2025/NĐ-CP', sources: ['S33'] },
      { name: 'Pháp lệnh 08/2025/UBTVQH15', issued: '2025-06-27', sources: ['S30'] },
    ],
    rules: {},
    reaffirmed: {
      'compulsory.minor_court_decision_deadline': c('Pháp lệnh 01/2022/UBTVQH15, sửa đổi bởi Pháp lệnh 08/2025/UBTVQH15', [
        'S29',
        'S30',
      ]),
    },
  },
  {
    // Law 120/2025/QH15 in force 01/07/2026. Its implementing decrees were not found (DOMAIN.md §1,
    // §13(4)): rules not listed here are inherited from Law 73's decrees.
    id: 'law120-2026',
    title: 'Luật Phòng, chống ma túy 2025',
    effectiveFrom: '2026-07-01',
    effectiveTo: null,
    inherits: 'law73-2025-07',
    documents: [
      { name: LAW_120, issued: '2025-12-10', sources: ['S34'] },
      { name: 'QĐ 152/QĐ-TTg', issued: '2026-01-20', sources: ['S35'] },
    ],
    rules: {
      // §4.5: 24 months for a first rehab, 36 for a later one; the final scope (voluntary too?) is [NC].
      'voluntary_rehab.duration': {
        title: 'Thời hạn cai nghiện tự nguyện lần đầu',
        value: { kind: 'duration', amount: 24, unit: 'months' },
        citation: c(LAW_120, ['S34']),
        confirmed: false,
        note: 'DOMAIN.md §4.5, §13(4): dự thảo áp dụng 24/36 tháng cho mọi hình thức; phạm vi trong văn bản chính thức chưa xác nhận.',
      },
      'voluntary_rehab.duration_repeat': {
        title: 'Thời hạn cai nghiện tự nguyện từ lần thứ hai trở đi',
        value: { kind: 'duration', amount: 36, unit: 'months' },
        citation: c(LAW_120, ['S34']),
        confirmed: false,
        note: 'DOMAIN.md §4.5, §13(4): phạm vi áp dụng chưa xác nhận.',
      },
      // §4.3: the user reports to the police of the new place within 24 h; commune police notify.
      'residence_change.report_deadline': {
        title: 'Thời hạn người sử dụng trái phép chất ma túy trình báo Công an nơi ở mới',
        value: { kind: 'duration', amount: 24, unit: 'hours' },
        citation: c(LAW_120, ['S34']),
        confirmed: true,
      },
      'residence_change.notify_deadline': {
        title: 'Thời hạn Công an xã thông báo cho Công an xã nơi người sử dụng đến',
        value: { kind: 'duration', amount: 24, unit: 'hours' },
        citation: c(LAW_120, ['S34']),
        confirmed: true,
      },
      // §4.4: a determination older than 6 months no longer serves a voluntary registration. The
      // decree's number and the date it applies from are [NC].
      'determination.certificate_validity': {
        title: 'Thời hạn sử dụng kết quả xác định tình trạng nghiện để đăng ký cai nghiện tự nguyện',
        value: { kind: 'duration', amount: 6, unit: 'months' },
        citation: c(`Nghị định hướng dẫn ${LAW_120} (số hiệu chưa xác nhận)`, ['S36'], 'Điều 31'),
        confirmed: false,
        note: 'DOMAIN.md §4.4: quy tắc 6 tháng theo tin báo chí; số nghị định và ngày áp dụng chưa xác nhận.',
      },
    },
    reaffirmed: {
      // §4.3: "The same rule continues under Law 120/2025."
      'illegal_user.management_duration': c(LAW_120, ['S34']),
    },
  },
];
