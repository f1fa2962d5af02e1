import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, call, firstLogin, makeUser, sendFile, TestClock } from '../../../../tests/support/auth';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';

const clock = new TestClock(new Date('2026-06-15T03:00:00Z'));
let t: TestApp;
let badinh: Browser;
let ngocha: Browser;
let personId = '';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('ảnh giả lập')]);
const PDF = Buffer.from('%PDF-1.4\nQuyết định quản lý GIẢ LẬP canary-attachment-7f3\n%%EOF');

const upload = (browser: Browser, id: string, query: string, body: Buffer, contentType: string) =>
  sendFile(t.app, browser, `/api/persons/${id}/attachments?${query}`, body, contentType);
const get = (browser: Browser, url: string, method: 'GET' | 'DELETE' = 'GET') => call(t.app, browser, method, url);

beforeAll(async () => {
  t = await createTestApp({ clock: clock.read });
  const make = async (username: string, unitCode: string) => {
    const { password } = await makeUser(t, { username, unitCode, agencyCode: 'CA_XA', roles: ['commune_officer'] });
    return firstLogin(t, clock, username, password);
  };
  badinh = await make('a.badinh', '00004');
  ngocha = await make('a.ngocha', '00008');
  const created = await call(t.app, badinh, 'POST', '/api/persons', {
    fullName: 'Trương Văn Tệp',
    birthYear: 1992,
    sex: 'male',
    currentResidence: { unitCode: '00004' },
    hasStableResidence: true,
    familyContacts: [],
  });
  expect(created.statusCode).toBe(201);
  personId = created.json().id;
}, 120_000);
afterAll(() => t.close());

describe('attachments of a management file', () => {
  let documentId = '';
  it('stores a photo and a document encrypted, lists them with their names and gives the same bytes back', async () => {
    const photo = await upload(badinh, personId, 'kind=photo&name=chan-dung.png', PNG, 'image/png');
    expect(photo.statusCode).toBe(201);
    const name = encodeURIComponent('Quyết định số 12-QĐ.pdf');
    const document = await upload(badinh, personId, `kind=document&name=${name}`, PDF, 'application/octet-stream');
    expect(document.statusCode).toBe(201);
    expect(document.json()).toMatchObject({
      kind: 'document',
      mediaType: 'application/pdf',
      fileName: 'Quyết định số 12-QĐ.pdf',
    });
    documentId = document.json().id;

    const list = (await get(badinh, `/api/persons/${personId}/attachments`)).json();
    expect(list.items.map((a: { fileName: string }) => a.fileName).sort()).toEqual(['Quyết định số 12-QĐ.pdf', 'chan-dung.png']);
    const download = await get(badinh, `/api/persons/${personId}/attachments/${documentId}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain(`filename*=UTF-8''${name}`);
    expect(download.rawPayload.equals(PDF)).toBe(true);

    const stored = await sql<{ content_enc: Buffer; file_name_enc: string }>`
      SELECT content_enc, file_name_enc FROM person_attachment WHERE id = ${documentId}`.execute(t.database.db);
    expect(stored.rows[0]?.content_enc.includes('canary-attachment-7f3')).toBe(false);
    expect(stored.rows[0]?.file_name_enc).not.toContain('Quyết');
    const timeline = (await get(badinh, `/api/persons/${personId}/timeline`)).json();
    expect(timeline.items.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(['photo_added', 'attachment_added']),
    );
  });

  it('refuses what is not a JPEG, PNG, PDF or DOCX whatever it claims, a PDF as photo, and a file over 10 MB', async () => {
    const fake = await upload(
      badinh,
      personId,
      'kind=document&name=a.pdf',
      Buffer.from('MZ\x90\x00 not a pdf'),
      'application/pdf',
    );
    expect([fake.statusCode, fake.json().code]).toEqual([400, 'ATTACHMENT_TYPE']);
    const pdfPhoto = await upload(badinh, personId, 'kind=photo&name=a.pdf', PDF, 'application/pdf');
    expect([pdfPhoto.statusCode, pdfPhoto.json().code]).toEqual([400, 'ATTACHMENT_PHOTO_TYPE']);
    const huge = await upload(
      badinh,
      personId,
      'kind=document&name=big.pdf',
      Buffer.alloc(10 * 1024 * 1024 + 1, 0x25),
      'application/pdf',
    );
    expect([huge.statusCode, huge.json().code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const text = await upload(badinh, personId, 'kind=document&name=a.txt', Buffer.from('hello'), 'text/plain');
    expect([text.statusCode, text.json().code]).toEqual([400, 'ATTACHMENT_TYPE']);
    const json = await upload(badinh, personId, 'kind=document&name=a.json', Buffer.from('{}'), 'application/json');
    expect(json.statusCode).toBe(400);
    const count = await sql<{ n: number }>`SELECT count(*)::int AS n FROM person_attachment`.execute(t.database.db);
    expect(count.rows[0]?.n).toBe(2);
  });

  it('is out of reach of another commune, and a withdrawn attachment leaves the list but not the database', async () => {
    expect((await get(ngocha, `/api/persons/${personId}/attachments`)).statusCode).toBe(404);
    expect((await get(ngocha, `/api/persons/${personId}/attachments/${documentId}`)).statusCode).toBe(404);
    expect((await upload(ngocha, personId, 'kind=photo&name=x.png', PNG, 'image/png')).statusCode).toBe(404);
    expect((await get(ngocha, `/api/persons/${personId}/attachments/${documentId}`, 'DELETE')).statusCode).toBe(404);

    expect((await get(badinh, `/api/persons/${personId}/attachments/${documentId}`, 'DELETE')).statusCode).toBe(204);
    expect((await get(badinh, `/api/persons/${personId}/attachments/${documentId}`)).statusCode).toBe(404);
    const rows = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM person_attachment WHERE withdrawn_at IS NOT NULL`.execute(t.database.db);
    expect(rows.rows[0]?.n).toBe(1);
  });
});
