import { SETTING_VALUE_SCHEMAS, type SettingDto, type SettingKey, type SettingUpdateBody } from '@shared/contracts/settings';
import { FIELD_MESSAGES } from '@shared/errors';
import type { Selectable } from 'kysely';
import type { Executor } from '../../db/client';
import type { AppSettingTable } from '../../db/types';
import { auditCall, requirePermission, scopeOf } from '../../platform/authz';
import type { ServiceContext } from '../../platform/context';
import { inScope } from '../../platform/db-scope';
import { AppError } from '../../platform/errors';
import * as repo from './settings.repo';

function isKnownKey(key: string): key is SettingKey {
  return Object.hasOwn(SETTING_VALUE_SCHEMAS, key);
}

function present(row: Selectable<AppSettingTable>): SettingDto {
  return {
    key: row.key,
    value: row.value,
    citation: row.citation,
    confirmed: row.confirmed,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: row.updated_by,
  };
}

/**
 * A setting's value, checked against its schema, for services that apply it (inside their own
 * transaction). A stored value the code no longer understands is a deployment fault, not a user's.
 */
export async function readSetting<K extends SettingKey>(trx: Executor, key: K) {
  const row = await repo.find(trx, key);
  if (!row) throw new Error(`setting ${key} missing: migrations not applied?`);
  return { value: SETTING_VALUE_SCHEMAS[key].parse(row.value), citation: row.citation, confirmed: row.confirmed };
}

/** Every setting, for the administrator. */
export async function listSettings(ctx: ServiceContext): Promise<{ items: SettingDto[] }> {
  const actor = requirePermission(ctx, 'setting:manage');
  return inScope(ctx.db, scopeOf(actor), async (trx) => ({ items: (await repo.list(trx)).map(present) }), ctx.clock());
}

/** One setting, for the administrator. */
export async function getSetting(ctx: ServiceContext, key: string): Promise<SettingDto> {
  const actor = requirePermission(ctx, 'setting:manage');
  const row = await inScope(ctx.db, scopeOf(actor), (trx) => repo.find(trx, key), ctx.clock());
  if (!row || !isKnownKey(key)) throw new AppError('SETTING_NOT_FOUND', { key });
  return present(row);
}

/**
 * Changes a setting: the value must fit the key's schema, `version` must be the one read. Audited
 * as `setting.update` (key only; values are in the table, which keeps the last one).
 */
export async function updateSetting(ctx: ServiceContext, key: string, body: SettingUpdateBody): Promise<SettingDto> {
  const actor = requirePermission(ctx, 'setting:manage');
  if (!isKnownKey(key)) throw new AppError('SETTING_NOT_FOUND', { key });
  const parsed = SETTING_VALUE_SCHEMAS[key].safeParse(body.value);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', {}, [{ path: ['body', 'value'], message: FIELD_MESSAGES.SETTING_VALUE[ctx.locale] }]);
  }
  const now = ctx.clock();
  return inScope(
    ctx.db,
    scopeOf(actor),
    async (trx) => {
      const current = await repo.findForUpdate(trx, key);
      if (!current) throw new AppError('SETTING_NOT_FOUND', { key });
      if (current.version !== body.version)
        throw new AppError('VERSION_CONFLICT', {}, undefined, undefined, { current: present(current) });
      const updated = await repo.update(trx, key, current.version, {
        value: parsed.data,
        citation: body.citation,
        confirmed: body.confirmed,
        updated_at: now,
        updated_by: actor.userId,
      });
      if (!updated) throw new AppError('SETTING_NOT_FOUND', { key });
      await auditCall(trx, ctx, actor, {
        action: 'setting.update',
        outcome: 'success',
        recordKind: 'setting',
        recordId: key,
        details: { version: updated.version, confirmed: updated.confirmed },
      });
      return present(updated);
    },
    now,
  );
}
