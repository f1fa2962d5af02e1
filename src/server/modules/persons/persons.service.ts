import { randomUUID } from 'node:crypto';
import type {
  Classification,
  PersonCreateBody,
  PersonDto,
  PersonSearchBody,
  PersonSearchResponse,
  PersonUpdateBody,
} from '@shared/contracts/persons';
import { todayInVietnam } from '@shared/dates';
import { FIELD_MESSAGES, type FieldMessageKey } from '@shared/errors';
import { checkPersonalId } from '@shared/identity/personal-id';
import { foldVi, searchKey, searchWords, viSortKey } from '@shared/text/vi';
import type { Executor } from '../../db/client';
import { auditCall } from '../../platform/authz';
import type { Actor, ServiceContext } from '../../platform/context';
import { inScope } from '../../platform/db-scope';
import type { Envelope } from '../../platform/envelope';
import { AppError } from '../../platform/errors';
import { getUnit, unitsByIds } from '../units/units.service';
import { actorArea, auditPersons, envelopeOf, inArea, requirePersonAccess, scoped } from './person-access';
import * as repo from './persons.repo';

type Issue = { path: (string | number)[]; message: string };

/** Under 18 today; with a year only, until the end of the year the person turns 18 (as pcmt_is_minor). */
export function isMinor(birthDate: string | null, birthYear: number, today: string): boolean {
  const born = birthDate ?? `${birthYear}-12-31`;
  return `${Number(born.slice(0, 4)) + 18}${born.slice(4)}` > today;
}

function fieldIssue(ctx: ServiceContext, path: (string | number)[], key: FieldMessageKey): Issue {
  return { path: ['body', ...path], message: FIELD_MESSAGES[key][ctx.locale] };
}

const ID_PROBLEM_MESSAGE: Record<string, FieldMessageKey> = {
  format: 'PERSONAL_ID_FORMAT',
  province: 'PERSONAL_ID_PROVINCE',
  century_sex: 'PERSONAL_ID_CENTURY_SEX',
  year: 'PERSONAL_ID_YEAR',
};

/**
 * Checks that zod cannot: the ID number against sex and birth year, dates against today. Returns
 * the field and message of each problem (the import reports them per row; a registration throws).
 */
export function personRuleIssues(
  body: PersonCreateBody | PersonUpdateBody,
  today: string,
): { field: 'personalId' | 'birthYear' | 'birthDate'; message: FieldMessageKey }[] {
  const issues: { field: 'personalId' | 'birthYear' | 'birthDate'; message: FieldMessageKey }[] = [];
  if (body.personalId) {
    for (const problem of checkPersonalId(body.personalId, { sex: body.sex, birthYear: body.birthYear })) {
      issues.push({ field: 'personalId', message: ID_PROBLEM_MESSAGE[problem] ?? 'PERSONAL_ID_FORMAT' });
    }
  }
  if (body.birthDate && Number(body.birthDate.slice(0, 4)) !== body.birthYear)
    issues.push({ field: 'birthYear', message: 'BIRTH_YEAR_MISMATCH' });
  if ((body.birthDate && body.birthDate > today) || body.birthYear > Number(today.slice(0, 4)))
    issues.push({ field: 'birthDate', message: 'BIRTH_DATE_FUTURE' });
  if (body.birthYear < Number(today.slice(0, 4)) - 120) issues.push({ field: 'birthYear', message: 'BIRTH_DATE_AGE' });
  return issues;
}

function validatePerson(ctx: ServiceContext, body: PersonCreateBody | PersonUpdateBody): void {
  const issues = personRuleIssues(body, todayInVietnam(ctx.clock())).map((issue) =>
    fieldIssue(ctx, [issue.field], issue.message),
  );
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', {}, issues);
}

export interface ResolvedResidence {
  unitId: string;
  path: string;
  address: string | null;
}

/** A residence must be a commune of the current hierarchy. */
async function resolveResidence(
  ctx: ServiceContext,
  field: string,
  input: { unitCode: string; address?: string | undefined } | undefined,
): Promise<ResolvedResidence | null> {
  if (!input) return null;
  const { unit, ancestors } = await getUnit(ctx, input.unitCode).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'UNIT_NOT_FOUND')
      throw new AppError('VALIDATION_FAILED', {}, [fieldIssue(ctx, [field, 'unitCode'], 'COMMUNE_REQUIRED')]);
    throw error;
  });
  if (unit.level !== 'commune')
    throw new AppError('VALIDATION_FAILED', {}, [fieldIssue(ctx, [field, 'unitCode'], 'COMMUNE_REQUIRED')]);
  return {
    unitId: unit.id,
    path: [...ancestors.map((a) => a.code), unit.code].join('.'),
    address: input.address ? input.address : null,
  };
}

/** The encrypted and derived columns of a person, under the record's own data key (also the import's). */
export function personColumns(
  envelope: Envelope,
  id: string,
  dek: Buffer,
  body: PersonCreateBody | PersonUpdateBody,
  residences: Record<'current' | 'permanent' | 'temporary', ResolvedResidence | null>,
) {
  const enc = (column: string, value: string | null | undefined) =>
    value ? envelope.encrypt(dek, value, { table: 'person', column, recordId: id }) : null;
  const current = residences.current;
  if (!current) throw new Error('current residence required');
  return {
    personal_id_enc: enc('personal_id', body.personalId),
    personal_id_idx: body.personalId ? envelope.blindIndex('personal_id', body.personalId) : null,
    old_id_enc: enc('old_id', body.oldIdNumber),
    old_id_idx: body.oldIdNumber ? envelope.blindIndex('old_id', body.oldIdNumber) : null,
    full_name: body.fullName,
    name_key: searchWords(body.fullName).join(' '),
    search_key: searchKey([body.fullName, ...body.aliases].join(' ')),
    sort_key: viSortKey(body.fullName),
    aliases: body.aliases,
    birth_date: body.birthDate ?? null,
    birth_year: body.birthYear,
    sex: body.sex,
    nationality: body.nationality,
    ethnicity: body.ethnicity ?? null,
    permanent_unit_id: residences.permanent?.unitId ?? null,
    permanent_address_enc: enc('permanent_address', residences.permanent?.address),
    temporary_unit_id: residences.temporary?.unitId ?? null,
    temporary_address_enc: enc('temporary_address', residences.temporary?.address),
    current_unit_id: current.unitId,
    current_address_enc: enc('current_address', current.address),
    unit_path: current.path,
    province_code: current.path.split('.')[0] ?? '',
    has_stable_residence: body.hasStableResidence,
    occupation: body.occupation ?? null,
    phone_enc: enc('phone', body.phone),
    family_contacts_enc: body.familyContacts.length > 0 ? enc('family_contacts', JSON.stringify(body.familyContacts)) : null,
  };
}

async function resolveAll(ctx: ServiceContext, body: PersonCreateBody | PersonUpdateBody) {
  return {
    current: await resolveResidence(ctx, 'currentResidence', body.currentResidence),
    permanent: await resolveResidence(ctx, 'permanentResidence', body.permanentResidence),
    temporary: await resolveResidence(ctx, 'temporaryResidence', body.temporaryResidence),
  };
}

/** Decrypts and shapes a person for the API. Runs outside the transaction (it reads units). */
async function presentPerson(ctx: ServiceContext, row: repo.PersonRow): Promise<PersonDto> {
  const envelope = envelopeOf(ctx);
  const dek = envelope.unwrap(row.data_key, 'person', row.id);
  const dec = (column: string, value: string | null) =>
    value ? envelope.decrypt(dek, value, { table: 'person', column, recordId: row.id }) : null;
  const units = await unitsByIds(
    ctx,
    [row.current_unit_id, row.permanent_unit_id, row.temporary_unit_id].filter((id): id is string => id !== null),
  );
  const residence = (unitId: string | null, address: string | null, column: string) => {
    const unit = unitId ? units.get(unitId) : undefined;
    return unit
      ? { unit: { id: unit.id, code: unit.code, fullName: unit.fullName, path: unit.path }, address: dec(column, address) }
      : null;
  };
  const current = residence(row.current_unit_id, row.current_address_enc, 'current_address');
  if (!current) throw new Error(`unit ${row.current_unit_id} missing`);
  const contacts = dec('family_contacts', row.family_contacts_enc);
  return {
    id: row.id,
    version: row.version,
    personalId: dec('personal_id', row.personal_id_enc),
    oldIdNumber: dec('old_id', row.old_id_enc),
    fullName: row.full_name,
    aliases: row.aliases,
    birthDate: row.birth_date,
    birthYear: row.birth_year,
    sex: row.sex,
    nationality: row.nationality,
    ethnicity: row.ethnicity,
    permanentResidence: residence(row.permanent_unit_id, row.permanent_address_enc, 'permanent_address'),
    temporaryResidence: residence(row.temporary_unit_id, row.temporary_address_enc, 'temporary_address'),
    currentResidence: current,
    hasStableResidence: row.has_stable_residence,
    occupation: row.occupation,
    phone: dec('phone', row.phone_enc),
    familyContacts: contacts
      ? (JSON.parse(contacts) as { relation: string; name: string; phone?: string }[]).map((c) => ({
          relation: c.relation,
          name: c.name,
          phone: c.phone ?? null,
        }))
      : [],
    minor: isMinor(row.birth_date, row.birth_year, todayInVietnam(ctx.clock())),
    classification: row.classification as Classification,
    managingUnit: { id: current.unit.id, code: current.unit.code, fullName: current.unit.fullName },
    fileOpenedAt: row.file_opened_at.toISOString(),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/**
 * Registers a person and opens their management file in the commune of current residence
 * (DOMAIN.md §4.1). Candidates for the same person are returned first (409) unless the officer
 * confirms, after seeing them, that this is someone else. Audited as `person.create`.
 */
export async function createPerson(ctx: ServiceContext, body: PersonCreateBody): Promise<PersonDto> {
  const actor = requirePersonAccess(ctx, 'write');
  validatePerson(ctx, body);
  const residences = await resolveAll(ctx, body);
  const current = residences.current;
  if (!current) throw new Error('current residence required');
  if (ctx.enforcement !== 'database-only' && !inArea(current.path, actorArea(actor))) throw new AppError('FORBIDDEN');
  const envelope = envelopeOf(ctx);
  const now = ctx.clock();
  if (!body.confirmNotDuplicate) await refuseIfDuplicates(ctx, actor, body, current.path);
  const id = randomUUID();
  const { dek, wrapped } = envelope.newDataKey('person', id);
  const row = await scoped(ctx, actor, async (trx) => {
    const inserted = await repo.insert(trx, {
      id,
      data_key: wrapped,
      ...personColumns(envelope, id, dek, body, residences),
      file_opened_at: now,
      file_opened_by: actor.userId,
      created_by: actor.userId,
      updated_by: actor.userId,
    });
    await repo.insertEvent(trx, {
      person_id: id,
      at: now,
      kind: 'file_opened',
      actor_user_id: actor.userId,
      actor_username: actor.username,
      summary: 'Lập hồ sơ quản lý',
    });
    await auditCall(trx, ctx, actor, {
      action: 'person.create',
      outcome: 'success',
      recordKind: 'person',
      recordId: id,
      details: { confirmedNotDuplicate: body.confirmNotDuplicate },
    });
    return inserted;
  });
  return presentPerson(ctx, row);
}

/**
 * Looks for the same person across the whole registry (one file per person), whatever the officer's
 * area, but answers with the least that lets them decide: name, birth year, managing commune.
 */
async function refuseIfDuplicates(ctx: ServiceContext, actor: Actor, body: PersonCreateBody, path: string): Promise<void> {
  const envelope = envelopeOf(ctx);
  const personalIdIndex = body.personalId ? envelope.blindIndex('personal_id', body.personalId) : null;
  const oldIdIndex = body.oldIdNumber ? envelope.blindIndex('old_id', body.oldIdNumber) : null;
  const candidates = await inScope(ctx.db, { kind: 'system', reason: 'duplicate check' }, async (trx) => {
    const found = await repo.findDuplicateCandidates(trx, {
      personalIdIndex,
      oldIdIndex,
      nameKey: searchWords(body.fullName).join(' '),
      birthYear: body.birthYear,
      provincePrefix: path.split('.')[0] ?? '',
    });
    if (found.length > 0) {
      await auditPersons(
        trx,
        ctx,
        actor,
        'person.duplicate_candidate',
        found.map((c) => c.id),
      );
    }
    return found;
  });
  if (candidates.length === 0) return;
  throw new AppError('PERSON_POSSIBLE_DUPLICATE', {}, undefined, undefined, {
    candidates: candidates.map((c) => ({
      id: c.id,
      fullName: c.full_name,
      birthYear: c.birth_year,
      managingUnit: { code: c.unit_code, fullName: c.unit_full_name },
      reason:
        (personalIdIndex && c.personal_id_idx === personalIdIndex) || (oldIdIndex && c.old_id_idx === oldIdIndex)
          ? 'same_id_number'
          : 'similar_name',
    })),
  });
}

/** One person, audited as `person.read` in the transaction that reads them. */
export async function getPerson(ctx: ServiceContext, id: string): Promise<PersonDto> {
  const actor = requirePersonAccess(ctx, 'read');
  const row = await scoped(ctx, actor, async (trx) => {
    const found = await repo.findById(trx, id);
    if (!found) throw new AppError('PERSON_NOT_FOUND');
    await auditCall(trx, ctx, actor, { action: 'person.read', outcome: 'success', recordKind: 'person', recordId: id });
    return found;
  });
  return presentPerson(ctx, row);
}

const FIELD_LABELS_VI: Record<string, string> = {
  personal_id_idx: 'số định danh',
  old_id_idx: 'số CMND',
  full_name: 'họ tên',
  aliases: 'tên gọi khác',
  birth_date: 'ngày sinh',
  birth_year: 'năm sinh',
  sex: 'giới tính',
  nationality: 'quốc tịch',
  ethnicity: 'dân tộc',
  current_unit_id: 'nơi ở hiện tại',
  permanent_unit_id: 'nơi thường trú',
  temporary_unit_id: 'nơi tạm trú',
  has_stable_residence: 'nơi cư trú ổn định',
  occupation: 'nghề nghiệp',
};

/**
 * Replaces a person's details. `version` must be the one the officer read: a stale edit gets
 * VERSION_CONFLICT with the current values, never a silent overwrite. The timeline records which
 * fields changed (names only; values stay in the encrypted record).
 */
export async function updatePerson(ctx: ServiceContext, id: string, body: PersonUpdateBody): Promise<PersonDto> {
  const actor = requirePersonAccess(ctx, 'write');
  validatePerson(ctx, body);
  const residences = await resolveAll(ctx, body);
  if (ctx.enforcement !== 'database-only' && residences.current && !inArea(residences.current.path, actorArea(actor))) {
    throw new AppError('FORBIDDEN');
  }
  const envelope = envelopeOf(ctx);
  const now = ctx.clock();
  const outcome = await scoped(ctx, actor, async (trx) => {
    const current = await repo.findByIdForUpdate(trx, id);
    if (!current) throw new AppError('PERSON_NOT_FOUND');
    if (current.version !== body.version) return { conflict: current };
    const dek = envelope.unwrap(current.data_key, 'person', id);
    const columns = personColumns(envelope, id, dek, { ...body, confirmNotDuplicate: true } as PersonCreateBody, residences);
    const changed = Object.keys(FIELD_LABELS_VI).filter(
      (key) => JSON.stringify(columns[key as keyof typeof columns]) !== JSON.stringify(current[key as keyof repo.PersonRow]),
    );
    const updated = await repo.update(trx, id, current.version, { ...columns, updated_at: now, updated_by: actor.userId });
    if (!updated) return { conflict: current };
    await repo.insertEvent(trx, {
      person_id: id,
      at: now,
      kind: 'identity_updated',
      actor_user_id: actor.userId,
      actor_username: actor.username,
      summary: `Cập nhật thông tin${changed.length ? `: ${changed.map((k) => FIELD_LABELS_VI[k]).join(', ')}` : ' liên hệ, địa chỉ'}`,
    });
    await auditCall(trx, ctx, actor, {
      action: 'person.update',
      outcome: 'success',
      recordKind: 'person',
      recordId: id,
      details: { fields: changed.join(',') },
    });
    return { updated };
  });
  if ('conflict' in outcome && outcome.conflict) {
    throw new AppError('VERSION_CONFLICT', {}, undefined, undefined, { current: await presentPerson(ctx, outcome.conflict) });
  }
  if (!('updated' in outcome) || !outcome.updated) throw new AppError('PERSON_NOT_FOUND');
  return presentPerson(ctx, outcome.updated);
}

function encodeCursor(sortKey: string, id: string): string {
  return Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');
}

function decodeCursor(cursor: string): { sortKey: string; id: string } | null {
  try {
    const [sortKey, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof sortKey !== 'string' || typeof id !== 'string' || !/^[0-9a-f-]{36}$/.test(id)) return null;
    return { sortKey, id };
  } catch {
    return null;
  }
}

/**
 * What a search or an export asks for, as the repository's filter: name words folded, an ID number
 * as its blind index, and the narrower of the unit filter and the actor's own area as an equality
 * the database can index.
 */
export async function personFilter(
  ctx: ServiceContext,
  actor: Actor,
  body: Pick<PersonSearchBody, 'q' | 'birthYear' | 'unitCode' | 'classification'>,
): Promise<repo.PersonFilter> {
  const envelope = envelopeOf(ctx);
  const q = body.q.trim();
  const filterPath = body.unitCode
    ? (await getUnit(ctx, body.unitCode)).ancestors
        .map((a) => a.code)
        .concat(body.unitCode)
        .join('.')
    : undefined;
  const area = actorArea(actor);
  const unitPath = area === '*' ? filterPath : filterPath && inArea(filterPath, area) ? filterPath : area;
  return {
    words: searchWords(q),
    folded: searchWords(q).join(' ') || foldVi(q),
    personalIdIndex: /^\d{12}$/.test(q) ? envelope.blindIndex('personal_id', q) : null,
    oldIdIndex: /^\d{9}$/.test(q) ? envelope.blindIndex('old_id', q) : null,
    birthYear: body.birthYear,
    unitPath,
    classification: body.classification,
    fuzzy: false,
  };
}

/**
 * Searches the registry within the caller's scope: name words in any order, without diacritics
 * ("nguyen van a" finds "Nguyễn Văn A"), typo-tolerant when nothing matches exactly, an ID number
 * exactly (blind index). Vietnamese order, keyset pages. Each row shown is audited (`person.list`).
 */
export async function searchPersons(ctx: ServiceContext, body: PersonSearchBody): Promise<PersonSearchResponse> {
  const actor = requirePersonAccess(ctx, 'read');
  const after = body.after ? decodeCursor(body.after) : null;
  if (body.after && !after)
    throw new AppError('VALIDATION_FAILED', {}, [{ path: ['body', 'after'], message: FIELD_MESSAGES.SEARCH_TEXT[ctx.locale] }]);
  const today = todayInVietnam(ctx.clock());
  const base = { ...(await personFilter(ctx, actor, body)), after, limit: body.limit };
  return scoped(ctx, actor, async (trx) => {
    let fuzzy = false;
    let rows = await repo.search(trx, { ...base, fuzzy: false });
    if (rows.length === 0 && !after && !base.personalIdIndex && !base.oldIdIndex && base.folded.length >= 3) {
      rows = await repo.search(trx, { ...base, fuzzy: true });
      fuzzy = true;
    }
    const page = rows.slice(0, body.limit);
    await auditPersons(
      trx,
      ctx,
      actor,
      'person.list',
      page.map((row) => row.id),
    );
    const last = page.at(-1);
    const match =
      base.personalIdIndex || base.oldIdIndex ? 'id_number' : fuzzy ? 'fuzzy' : base.words.length > 0 ? 'words' : 'filter';
    return {
      items: page.map((row) => ({
        id: row.id,
        fullName: row.full_name,
        birthYear: row.birth_year,
        sex: row.sex,
        minor: isMinor(row.birth_date, row.birth_year, today),
        classification: row.classification as Classification,
        managingUnit: { code: row.unit_code, fullName: row.unit_full_name },
        match,
      })),
      next: !fuzzy && rows.length > body.limit && last ? encodeCursor(last.sort_key, last.id) : null,
    };
  });
}

async function visiblePerson(trx: Executor, id: string): Promise<repo.PersonRow> {
  const person = await repo.findById(trx, id);
  if (!person) throw new AppError('PERSON_NOT_FOUND');
  return person;
}

/** The management file's timeline, newest first. */
export async function listTimeline(ctx: ServiceContext, id: string) {
  const actor = requirePersonAccess(ctx, 'read');
  return scoped(ctx, actor, async (trx) => {
    await visiblePerson(trx, id);
    const events = await repo.listEvents(trx, id);
    await auditCall(trx, ctx, actor, { action: 'person.timeline_read', outcome: 'success', recordKind: 'person', recordId: id });
    return {
      items: events.map((e) => ({
        id: e.id,
        at: e.at.toISOString(),
        kind: e.kind,
        actorUsername: e.actor_username,
        summary: e.summary,
      })),
    };
  });
}

/** Notes of the management file, decrypted for the reader; each read audited. */
export async function listNotes(ctx: ServiceContext, id: string) {
  const actor = requirePersonAccess(ctx, 'read');
  const envelope = envelopeOf(ctx);
  return scoped(ctx, actor, async (trx) => {
    const person = await visiblePerson(trx, id);
    const dek = envelope.unwrap(person.data_key, 'person', id);
    const notes = await repo.listNotes(trx, id);
    await auditCall(trx, ctx, actor, { action: 'person.notes_read', outcome: 'success', recordKind: 'person', recordId: id });
    return {
      items: notes.map((n) => ({
        id: n.id,
        at: n.at.toISOString(),
        authorUsername: n.author_username,
        text: envelope.decrypt(dek, n.body_enc, { table: 'person_note', column: 'body', recordId: n.id }),
      })),
    };
  });
}

/** Adds a note to the management file (encrypted with the person's data key). */
export async function addNote(ctx: ServiceContext, id: string, text: string) {
  const actor = requirePersonAccess(ctx, 'write');
  const envelope = envelopeOf(ctx);
  const now = ctx.clock();
  return scoped(ctx, actor, async (trx) => {
    // FOR UPDATE applies the person's update policy: a reader (the receiving commune of a pending
    // transfer, a break-the-glass grant) finds nothing to write to.
    const person = await repo.findByIdForUpdate(trx, id);
    if (!person) throw new AppError('PERSON_NOT_FOUND');
    const dek = envelope.unwrap(person.data_key, 'person', id);
    const noteId = randomUUID();
    const note = await repo.insertNote(trx, {
      id: noteId,
      person_id: id,
      at: now,
      author_user_id: actor.userId,
      author_username: actor.username,
      body_enc: envelope.encrypt(dek, text, { table: 'person_note', column: 'body', recordId: noteId }),
    });
    await repo.insertEvent(trx, {
      person_id: id,
      at: now,
      kind: 'note_added',
      actor_user_id: actor.userId,
      actor_username: actor.username,
      summary: 'Thêm ghi chú',
    });
    await auditCall(trx, ctx, actor, {
      action: 'person.note_added',
      outcome: 'success',
      recordKind: 'person',
      recordId: id,
      details: { noteId },
    });
    return { id: note.id, at: note.at.toISOString(), authorUsername: note.author_username, text };
  });
}
