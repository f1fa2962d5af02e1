import type { ComplianceResponse, ComplianceState } from '@shared/contracts/plans';
import { formatDateVi, todayInVietnam } from '@shared/dates';
import ExcelJS from 'exceljs';
import type { PlanRow } from './plans.repo';

/** The board's states as the report table writes them (the web shows the same words). */
const STATE_LABEL: Record<ComplianceState, string> = {
  on_time: 'Đúng hạn',
  late: 'Trễ hạn',
  returned: 'Trả lại để sửa',
  missing: 'Chưa báo cáo (quá hạn)',
  pending: 'Chưa đến hạn',
};
const REVIEW_LABEL = { submitted: 'Chờ xem xét', accepted: 'Đã chấp nhận', returned: 'Đã trả lại' } as const;

/**
 * The compliance board as an xlsx table for the "sơ kết" meeting (USER-JOURNEYS.md: print and
 * export wherever officers would otherwise retype): the plan, the date it was computed on, the
 * totals, then one row per task, reporting unit and deadline. Plans hold no personal data.
 */
export async function complianceWorkbook(
  plan: PlanRow,
  board: ComplianceResponse,
): Promise<{ fileName: string; content: Buffer }> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PCMT';
  const sheet = workbook.addWorksheet('Theo dõi báo cáo', { views: [{ state: 'frozen', ySplit: 5 }] });
  sheet.addRow([[plan.number, plan.title].filter(Boolean).join(' — ')]).font = { bold: true, size: 13 };
  sheet.addRow([`Tính đến ngày ${formatDateVi(board.asOf) ?? board.asOf}`]);
  sheet.addRow(
    (Object.keys(STATE_LABEL) as ComplianceState[]).map((state) => `${STATE_LABEL[state]}: ${board.totals[state] ?? 0}`),
  );
  sheet.addRow([]);
  const header = sheet.addRow(['STT', 'Nhiệm vụ', 'Cơ quan', 'Đơn vị', 'Hạn báo cáo', 'Tình trạng', 'Ngày gửi', 'Xem xét']);
  header.font = { bold: true };
  board.rows.forEach((row, index) => {
    sheet.addRow([
      index + 1,
      `${row.taskPosition}. ${row.assigneeName}`,
      row.agencyName,
      row.unitName,
      formatDateVi(row.deadline) ?? row.deadline,
      STATE_LABEL[row.state],
      row.submittedAt ? (formatDateVi(todayInVietnam(new Date(row.submittedAt))) ?? '') : '',
      row.reviewStatus ? REVIEW_LABEL[row.reviewStatus] : '',
    ]);
  });
  for (const [index, width] of [6, 40, 30, 30, 14, 22, 14, 16].entries()) sheet.getColumn(index + 1).width = width;
  return {
    fileName: `theo-doi-bao-cao-${(plan.number ?? 'ke-hoach').replace(/[^\p{L}\p{N}-]+/gu, '-')}-${board.asOf}.xlsx`,
    content: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}
