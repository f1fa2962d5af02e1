import {
  CLASSIFICATION_LABELS,
  type Classification,
  PERSON_EXPORT_MAX_ROWS,
  type PersonExportBody,
} from '@shared/contracts/persons';
import { formatDateVi, todayInVietnam } from '@shared/dates';
import ExcelJS from 'exceljs';
import { auditCall } from '../../platform/authz';
import type { Actor, ServiceContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { STEP_UP_VALID_MS } from '../auth/auth.policy';
import { unitsByIds } from '../units/units.service';
import { auditPersons, envelopeOf, requirePersonAccess, scoped } from './person-access';
import * as repo from './persons.repo';
import { isMinor, personFilter } from './persons.service';

/**
 * A list of personal data leaving the system is the riskiest read there is (SECURITY-RELIABILITY.md
 * S5, S9): it needs the second factor entered within the last minutes, not just a session.
 */
function requireFreshStepUp(ctx: ServiceContext, actor: Actor): void {
  if (ctx.enforcement === 'database-only') return;
  const at = actor.stepUpAt?.getTime();
  if (at === undefined || ctx.clock().getTime() - at > STEP_UP_VALID_MS) throw new AppError('STEP_UP_REQUIRED');
}

const COLUMNS: { header: string; key: string; width: number }[] = [
  { header: 'STT', key: 'n', width: 6 },
  { header: 'Họ và tên', key: 'fullName', width: 26 },
  { header: 'Tên gọi khác', key: 'aliases', width: 18 },
  { header: 'Ngày sinh', key: 'birth', width: 12 },
  { header: 'Giới tính', key: 'sex', width: 9 },
  { header: 'Số định danh cá nhân', key: 'personalId', width: 16 },
  { header: 'Số CMND', key: 'oldId', width: 12 },
  { header: 'Quốc tịch', key: 'nationality', width: 9 },
  { header: 'Dân tộc', key: 'ethnicity', width: 10 },
  { header: 'Nơi ở hiện tại', key: 'current', width: 40 },
  { header: 'Nơi thường trú', key: 'permanent', width: 40 },
  { header: 'Nghề nghiệp', key: 'occupation', width: 16 },
  { header: 'Phân loại', key: 'classification', width: 30 },
  { header: 'Xã quản lý', key: 'managingUnit', width: 24 },
  { header: 'Ngày lập hồ sơ', key: 'fileOpened', width: 14 },
];

export interface PersonExportFile {
  fileName: string;
  content: Buffer;
  count: number;
}

/**
 * Every person the filters mean, within the caller's scope, as an xlsx file in Vietnamese order.
 * Each person exported is audited (`person.export`, one event per id, so "who accessed this
 * record" shows the export), plus one event for the file with its size, in the same transaction.
 */
export async function exportPersons(ctx: ServiceContext, body: PersonExportBody): Promise<PersonExportFile> {
  const actor = requirePersonAccess(ctx, 'read');
  requireFreshStepUp(ctx, actor);
  const envelope = envelopeOf(ctx);
  const filter = await personFilter(ctx, actor, body);
  const rows = await scoped(ctx, actor, async (trx) => {
    const found = await repo.listMatching(trx, filter, PERSON_EXPORT_MAX_ROWS + 1);
    if (found.length > PERSON_EXPORT_MAX_ROWS) {
      throw new AppError('EXPORT_TOO_LARGE', { count: `> ${PERSON_EXPORT_MAX_ROWS}`, max: PERSON_EXPORT_MAX_ROWS });
    }
    await auditPersons(
      trx,
      ctx,
      actor,
      'person.export',
      found.map((row) => row.id),
    );
    await auditCall(trx, ctx, actor, {
      action: 'person.export_file',
      outcome: 'success',
      recordKind: 'person',
      recordId: null,
      details: { count: found.length, byName: filter.words.length > 0, byIdNumber: filter.personalIdIndex !== null },
    });
    return found;
  });
  const units = await unitsByIds(ctx, [
    ...new Set(rows.flatMap((row) => [row.permanent_unit_id].filter((id): id is string => id !== null))),
  ]);
  const today = todayInVietnam(ctx.clock());
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PCMT';
  const sheet = workbook.addWorksheet('Danh sách', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS;
  sheet.getRow(1).font = { bold: true };
  rows.forEach((row, index) => {
    const dek = envelope.unwrap(row.data_key, 'person', row.id);
    const dec = (column: string, value: string | null) =>
      value ? envelope.decrypt(dek, value, { table: 'person', column, recordId: row.id }) : '';
    const place = (unitName: string | undefined, address: string) => [address, unitName].filter(Boolean).join(', ');
    sheet.addRow({
      n: index + 1,
      fullName: row.full_name + (isMinor(row.birth_date, row.birth_year, today) ? ' (chưa thành niên)' : ''),
      aliases: row.aliases.join('; '),
      birth: row.birth_date ? (formatDateVi(row.birth_date) ?? '') : String(row.birth_year),
      sex: row.sex === 'male' ? 'Nam' : 'Nữ',
      personalId: dec('personal_id', row.personal_id_enc),
      oldId: dec('old_id', row.old_id_enc),
      nationality: row.nationality,
      ethnicity: row.ethnicity ?? '',
      current: place(row.unit_full_name, dec('current_address', row.current_address_enc)),
      permanent: place(
        row.permanent_unit_id ? units.get(row.permanent_unit_id)?.fullName : undefined,
        dec('permanent_address', row.permanent_address_enc),
      ),
      occupation: row.occupation ?? '',
      classification: CLASSIFICATION_LABELS[row.classification as Classification]?.vi ?? row.classification,
      managingUnit: row.unit_full_name,
      fileOpened: formatDateVi(todayInVietnam(row.file_opened_at)) ?? '',
    });
  });
  // ID numbers stay text: a number column would drop leading zeros (001… is Hà Nội's code).
  sheet.getColumn('personalId').numFmt = '@';
  sheet.getColumn('oldId').numFmt = '@';
  const content = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: `danh-sach-doi-tuong-${today}.xlsx`, content, count: rows.length };
}
