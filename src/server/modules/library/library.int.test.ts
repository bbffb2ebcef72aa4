import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type TestAccount } from '../../../../tests/support/accounts.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { engineName } from '../../../../tests/support/test-database.js';
import { rowsOf } from '../../db/client.js';
import { auditLog, workingGroupMembers, workingGroups } from '../../db/schema/index.js';
import { MAX_UPLOAD_BYTES } from '../../files/limits.js';

const fixtures = join(import.meta.dirname, '../../../../tests/fixtures/files');
const PDF = new Uint8Array(readFileSync(join(fixtures, 'school-feeding.pdf')));
const DOCX = new Uint8Array(readFileSync(join(fixtures, 'working-group-notes.docx')));
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ORIGIN = 'http://localhost:3000';

let t: TestApp;
let staff: TestAccount;
let memberA: TestAccount;
let memberB: TestAccount;
let groupA: string;
let groupB: string;
let theme: string;

type Fields = Record<string, string | string[]>;
type FilePart = { name: string; type: string; bytes: Uint8Array };

/** POSTs a multipart form to the library as a browser on the site would (with its Origin). */
async function upload(as: TestAccount | null, fields: Fields, file?: FilePart) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields))
    for (const item of Array.isArray(value) ? value : [value]) form.append(key, item);
  if (file)
    form.append('file', new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.type }), file.name);
  const response = await t.request('/api/v1/library', {
    method: 'POST',
    headers: { origin: ORIGIN, ...(as ? { cookie: as.cookie } : {}) },
    body: form,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

/** DELETE as a browser on the site would (a body-less write needs the Origin, see hono/csrf). */
async function remove(as: TestAccount, id: string) {
  const response = await t.request(`/api/v1/library/${id}`, {
    method: 'DELETE',
    headers: { origin: ORIGIN, cookie: as.cookie },
  });
  return { status: response.status };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const fieldsOf = (body: { errors?: Array<{ field: string }> }) => (body.errors ?? []).map((e) => e.field);

async function counts() {
  const [row] = rowsOf<{ resources: number; files: number; audit: number }>(
    await t.database.db.execute(sql`SELECT (SELECT count(*)::int FROM resources) AS resources,
      (SELECT count(*)::int FROM files) AS files,
      (SELECT count(*)::int FROM audit_log WHERE action LIKE 'library.%') AS audit`),
  );
  return row!;
}

async function searchIds(as: TestAccount | null, q: string): Promise<string[]> {
  const { status, body } = await t.jsonAs(
    as,
    `/api/v1/search?q=${encodeURIComponent(q)}&type=resource&limit=50`,
  );
  expect(status).toBe(200);
  return body.items.map((item: { id: string }) => item.id);
}

beforeAll(async () => {
  t = await createTestApp();
  staff = await t.staff();
  memberA = await createAccount(t, 'member');
  memberB = await createAccount(t, 'member');
  const groups = await t.database.db
    .select({ id: workingGroups.id })
    .from(workingGroups)
    .orderBy(asc(workingGroups.number));
  groupA = groups[0]!.id;
  groupB = groups[1]!.id;
  await t.database.db.insert(workingGroupMembers).values([
    { groupId: groupA, userId: memberA.userId },
    { groupId: groupB, userId: memberB.userId },
  ]);
  theme = (await t.services.reference.listTerms('theme', 'en'))[0]!.id;
}, 60_000);
afterAll(async () => {
  await t.close();
});

describe(`uploading documents (${engineName})`, () => {
  let pdfId: string;
  let docxId: string;

  it('stores a PDF and a DOCX with their sniffed type and extracted text', async () => {
    const before = await counts();
    const pdf = await upload(
      memberA,
      { title: 'Feeding note', language: 'fr', themes: [theme], visibility: 'members' },
      { name: 'school-feeding.pdf', type: 'application/pdf', bytes: PDF },
    );
    expect(pdf.status, JSON.stringify(pdf.body)).toBe(201);
    expect(pdf.body.kind).toBe('file');
    expect(pdf.body.file).toMatchObject({
      name: 'school-feeding.pdf',
      type: 'application/pdf',
      size: PDF.length,
    });
    expect(pdf.body.file.sha256).toBe(sha256(PDF));
    expect(pdf.body.file.textLength).toBeGreaterThan(20);
    expect(pdf.body.themes.map((t: { id: string }) => t.id)).toEqual([theme]);
    expect(pdf.body.downloadUrl).toBe(`/api/v1/library/${pdf.body.id}/download`);
    pdfId = pdf.body.id;

    // The browser declares nothing useful; the type comes from the bytes.
    const docx = await upload(
      memberA,
      { title: 'Group notes', language: 'en', visibility: 'members' },
      { name: 'notes.docx', type: 'application/octet-stream', bytes: DOCX },
    );
    expect(docx.status, JSON.stringify(docx.body)).toBe(201);
    expect(docx.body.file.type).toBe(DOCX_TYPE);
    docxId = docx.body.id;

    const after = await counts();
    expect(after.resources).toBe(before.resources + 2);
    expect(after.files).toBe(before.files + 2);
    expect(after.audit).toBe(before.audit + 2);
  });

  it('finds each document by a word that is only inside its file', async () => {
    // "procurement" is only in the DOCX's text, "scolaire" in both files' text; neither is in a title.
    const procurement = await searchIds(memberA, 'procurement');
    expect(procurement).toContain(docxId);
    expect(procurement).not.toContain(pdfId);
    expect(await searchIds(memberA, 'scolaire')).toEqual(expect.arrayContaining([pdfId, docxId]));

    const { body } = await t.jsonAs(memberA, '/api/v1/search?q=procurement&type=resource');
    const hit = body.items.find((item: { id: string }) => item.id === docxId);
    expect(hit.type).toBe('resource');
    expect(hit.url).toMatch(/^\/en\/library\/group-notes-[0-9a-f]{6}$/);
    expect(hit.snippet).toContain('<mark>procurement</mark>');
  });

  it('hides a members-only document from a visitor’s search, and shows it to a member', async () => {
    expect(await searchIds(null, 'procurement')).not.toContain(docxId);
    expect(await searchIds(null, 'scolaire')).not.toContain(pdfId);
    expect(await searchIds(memberB, 'procurement')).toContain(docxId);
  });

  it('filters the library list by the text of the documents, kind, language and theme', async () => {
    const byText = await t.jsonAs(memberB, '/api/v1/library?q=procurement');
    expect(byText.status).toBe(200);
    expect(byText.body.items.map((i: { id: string }) => i.id)).toEqual([docxId]);
    const byTheme = await t.jsonAs(memberB, `/api/v1/library?theme=${theme}`);
    expect(byTheme.body.items.map((i: { id: string }) => i.id)).toEqual([pdfId]);
    const french = await t.jsonAs(memberB, '/api/v1/library?language=fr&kind=file');
    expect(french.body.items.map((i: { id: string }) => i.id)).toEqual([pdfId]);
    expect(french.body.items[0].file).toEqual({
      name: 'school-feeding.pdf',
      type: 'application/pdf',
      size: PDF.length,
    });
    const visitor = await t.jsonAs(null, '/api/v1/library');
    expect(visitor.body.items.map((i: { id: string }) => i.id)).not.toContain(pdfId);
    const bad = await t.jsonAs(memberB, '/api/v1/library?group=not-a-uuid&kind=folder');
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(expect.arrayContaining(['query.group', 'query.kind']));
  });

  it('downloads the same bytes as an attachment, never sniffed, not cached', async () => {
    const response = await t.request(`/api/v1/library/${pdfId}/download`, {
      headers: { cookie: memberB.cookie },
    });
    expect(response.status).toBe(200);
    expect(sha256(new Uint8Array(await response.arrayBuffer()))).toBe(sha256(PDF));
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="school-feeding.pdf"; filename*=UTF-8''school-feeding.pdf`,
    );
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    // A visitor may not read a members-only document: 404, as if it did not exist.
    const visitor = await t.request(`/api/v1/library/${pdfId}/download`);
    expect(visitor.status).toBe(404);
    expect(visitor.headers.get('content-type')).toContain('application/problem+json');
  });

  it('keeps a non-ASCII file name in filename* and a safe ASCII fallback', async () => {
    const created = await upload(
      memberA,
      { title: 'Notes du groupe', language: 'fr', visibility: 'members' },
      {
        name: 'C:\\docs\\notes "été" 学校.txt',
        type: 'text/plain',
        bytes: new TextEncoder().encode('Bonjour été'),
      },
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.file.name).toBe('notes "été" 学校.txt');
    const response = await t.request(`/api/v1/library/${created.body.id}/download`, {
      headers: { cookie: memberA.cookie },
    });
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="notes __t__ __.txt"; filename*=UTF-8''notes%20%22%C3%A9t%C3%A9%22%20%E5%AD%A6%E6%A0%A1.txt`,
    );
    expect(await response.text()).toBe('Bonjour été');
  });
});

describe(`refused uploads write nothing (${engineName})`, () => {
  it('answers 401 to a visitor', async () => {
    const before = await counts();
    const { status } = await upload(null, { title: 'x', language: 'en', url: 'https://example.org' });
    expect(status).toBe(401);
    expect(await counts()).toEqual(before);
  });

  it('answers 413 naming `file` for a file one byte over the limit', async () => {
    const before = await counts();
    const bytes = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    bytes.set(new TextEncoder().encode('%PDF-1.4\n'));
    const { status, body, headers } = await upload(
      memberA,
      { title: 'Too big', language: 'en', visibility: 'members' },
      { name: 'big.pdf', type: 'application/pdf', bytes },
    );
    expect(status).toBe(413);
    expect(headers.get('content-type')).toContain('application/problem+json');
    expect(fieldsOf(body)).toEqual(['body.file']);
    expect(await counts()).toEqual(before);
  });

  it('answers 413 naming `file` for a body far over the limit, streamed or announced', async () => {
    const before = await counts();
    const bytes = new Uint8Array(MAX_UPLOAD_BYTES + 2 * 1024 * 1024);
    const streamed = await upload(
      memberA,
      { title: 'Far too big', language: 'en' },
      { name: 'big.pdf', type: 'application/pdf', bytes },
    );
    expect(streamed.status).toBe(413);
    expect(fieldsOf(streamed.body)).toEqual(['body.file']);

    // A Content-Length over the limit is refused before the body is read.
    const announced = await t.request('/api/v1/library', {
      method: 'POST',
      headers: {
        origin: ORIGIN,
        cookie: memberA.cookie,
        'content-type': 'multipart/form-data; boundary=x',
        'content-length': String(MAX_UPLOAD_BYTES * 2),
      },
      body: '--x--\r\n',
    });
    expect(announced.status).toBe(413);
    expect(fieldsOf(await announced.json())).toEqual(['body.file']);
    expect(await counts()).toEqual(before);
  });

  it('answers 415 naming `file` for HTML renamed .pdf, and for a type that contradicts its label', async () => {
    const before = await counts();
    const html = new TextEncoder().encode('<!doctype html><html><script>alert(1)</script></html>');
    const renamed = await upload(
      memberA,
      { title: 'Innocent', language: 'en', visibility: 'members' },
      { name: 'report.pdf', type: 'application/pdf', bytes: html },
    );
    expect(renamed.status).toBe(415);
    expect(fieldsOf(renamed.body)).toEqual(['body.file']);
    const mislabelled = await upload(
      memberA,
      { title: 'Mislabelled', language: 'en', visibility: 'members' },
      { name: 'notes.pdf', type: 'application/pdf', bytes: DOCX },
    );
    expect(mislabelled.status).toBe(415);
    expect(fieldsOf(mislabelled.body)).toEqual(['body.file']);
    expect(await counts()).toEqual(before);
  });

  it('answers 422 naming `url` for a javascript: link, and `file` when neither is given', async () => {
    const before = await counts();
    for (const url of [
      'javascript:alert(document.cookie)',
      'data:text/html,<script>alert(1)</script>',
      'ftp://x.org/a',
    ]) {
      const { status, body } = await upload(memberA, { title: 'Link', language: 'en', url });
      expect(status, url).toBe(422);
      expect(fieldsOf(body), url).toEqual(['body.url']);
    }
    const neither = await upload(memberA, { title: 'Nothing', language: 'en' });
    expect(neither.status).toBe(422);
    expect(fieldsOf(neither.body)).toEqual(['body.file']);
    const both = await upload(
      memberA,
      { title: 'Both', language: 'en', url: 'https://example.org/' },
      { name: 'a.txt', type: 'text/plain', bytes: new TextEncoder().encode('hello') },
    );
    expect(both.status).toBe(422);
    expect(fieldsOf(both.body)).toEqual(['body.url']);
    expect(await counts()).toEqual(before);
  });

  it('names every invalid text field at once', async () => {
    const before = await counts();
    const { status, body } = await upload(memberA, {
      title: '',
      language: 'english',
      visibility: 'everyone',
      themes: ['no-such-theme'],
      url: 'https://example.org/',
    });
    expect(status).toBe(422);
    expect(fieldsOf(body)).toEqual(
      expect.arrayContaining(['body.title', 'body.language', 'body.visibility']),
    );
    const theme = await upload(memberA, {
      title: 'Themes',
      language: 'en',
      themes: ['no-such-theme'],
      url: 'https://example.org/',
    });
    expect(theme.status).toBe(422);
    expect(fieldsOf(theme.body)).toEqual(['body.themes.0']);
    expect(await counts()).toEqual(before);
  });

  it('lets only the secretariat publish to everyone, and members share only with their own groups', async () => {
    const before = await counts();
    const publicByMember = await upload(memberA, {
      title: 'Public',
      language: 'en',
      visibility: 'public',
      url: 'https://example.org/',
    });
    expect(publicByMember.status).toBe(403);
    expect(fieldsOf(publicByMember.body)).toEqual(['body.visibility']);
    const otherGroup = await upload(memberA, {
      title: 'Into B',
      language: 'en',
      visibility: 'working_group',
      workingGroupId: groupB,
      url: 'https://example.org/',
    });
    expect(otherGroup.status).toBe(403);
    expect(fieldsOf(otherGroup.body)).toEqual(['body.workingGroupId']);
    const noGroup = await upload(memberA, {
      title: 'No group',
      language: 'en',
      visibility: 'working_group',
      url: 'https://example.org/',
    });
    expect(noGroup.status).toBe(422);
    expect(fieldsOf(noGroup.body)).toEqual(['body.workingGroupId']);
    expect(await counts()).toEqual(before);

    const publicByStaff = await upload(staff, {
      title: 'Compact overview',
      language: 'en',
      visibility: 'public',
      url: 'https://www.un.org/counterterrorism/',
    });
    expect(publicByStaff.status, JSON.stringify(publicByStaff.body)).toBe(201);
    expect(publicByStaff.body).toMatchObject({
      kind: 'link',
      url: 'https://www.un.org/counterterrorism/',
      file: null,
    });
    const visitorList = await t.jsonAs(null, '/api/v1/library?kind=link');
    expect(visitorList.body.items.map((i: { id: string }) => i.id)).toContain(publicByStaff.body.id);
  });
});

describe(`text fields stay inert (${engineName})`, () => {
  it('stores <script> in a title verbatim and returns it as JSON text', async () => {
    const title = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const created = await upload(memberA, {
      title,
      description: '<b>bold</b> & "quoted"',
      language: 'en',
      visibility: 'members',
      url: 'https://example.org/report',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { status, body, headers } = await t.jsonAs(memberA, `/api/v1/library/${created.body.id}`);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toContain('application/json');
    expect(body.title).toBe(title);
    expect(body.description).toBe('<b>bold</b> & "quoted"');
    // The search snippet is the one HTML field, and it escapes everything but <mark>.
    const results = await t.jsonAs(memberA, '/api/v1/search?q=bold&type=resource');
    const hit = results.body.items.find((item: { id: string }) => item.id === created.body.id);
    expect(hit.snippet).not.toContain('<b>');
    expect(hit.snippet).toContain('&lt;b&gt;');
  });
});

describe(`working group documents: no access by id to another group's (${engineName})`, () => {
  let docId: string;

  beforeAll(async () => {
    const created = await upload(
      memberA,
      {
        title: 'Group A minutes',
        language: 'en',
        visibility: 'working_group',
        workingGroupId: groupA,
      },
      {
        name: 'minutes.txt',
        type: 'text/plain',
        bytes: new TextEncoder().encode('Quarterly minutes: zanzibarite plan.'),
      },
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.workingGroup.id).toBe(groupA);
    docId = created.body.id;
  });

  it('shows the document to its group and to the secretariat', async () => {
    expect((await t.jsonAs(memberA, `/api/v1/library/${docId}`)).status).toBe(200);
    expect((await t.jsonAs(staff, `/api/v1/library/${docId}`)).status).toBe(200);
    const list = await t.jsonAs(memberA, `/api/v1/library?group=${groupA}`);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(docId);
    expect(await searchIds(memberA, 'zanzibarite')).toContain(docId);
  });

  it('answers 404 to a member of another group for GET, download, PATCH and DELETE', async () => {
    const before = await counts();
    const get = await t.jsonAs(memberB, `/api/v1/library/${docId}`);
    expect(get.status).toBe(404);
    const download = await t.request(`/api/v1/library/${docId}/download`, {
      headers: { cookie: memberB.cookie },
    });
    expect(download.status).toBe(404);
    const patch = await t.send('PATCH', `/api/v1/library/${docId}`, { title: 'Mine now' }, memberB);
    expect(patch.status).toBe(404);
    const patchVisibility = await t.send(
      'PATCH',
      `/api/v1/library/${docId}`,
      { visibility: 'members' },
      memberB,
    );
    expect(patchVisibility.status).toBe(404);
    const del = await remove(memberB, docId);
    expect(del.status).toBe(404);
    // Same answer as for an id that does not exist at all.
    const missing = await t.jsonAs(memberB, '/api/v1/library/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(get.body.detail.replace(docId, 'ID')).toBe(missing.body.detail.replace(/"[^"]+"/, '"ID"'));

    expect(await counts()).toEqual(before);
    const still = await t.jsonAs(memberA, `/api/v1/library/${docId}`);
    expect(still.body.title).toBe('Group A minutes');
    const list = await t.jsonAs(memberB, `/api/v1/library?group=${groupA}`);
    expect(list.body.total).toBe(0);
    expect(await searchIds(memberB, 'zanzibarite')).not.toContain(docId);
  });
});

describe(`editing and deleting (${engineName})`, () => {
  it('lets the author edit, records the change, and refuses another member with 403', async () => {
    const created = await upload(memberA, {
      title: 'Draft guide',
      language: 'en',
      visibility: 'members',
      url: 'https://example.org/guide',
    });
    const id = created.body.id;
    const edited = await t.send(
      'PATCH',
      `/api/v1/library/${id}`,
      { title: 'Final guide', themes: [theme], visibility: 'working_group', workingGroupId: groupA },
      memberA,
    );
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ title: 'Final guide', visibility: 'working_group' });
    expect(edited.body.workingGroup.id).toBe(groupA);
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, id))
      .orderBy(asc(auditLog.id));
    expect(entry?.action).toBe('library.create');
    const entries = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    const update = entries.find((e) => e.action === 'library.update');
    expect(update).toBeDefined();
    type Texts = { texts: { en: { title: string } } };
    expect((update!.before as Texts).texts.en.title).toBe('Draft guide');
    expect((update!.after as Texts).texts.en.title).toBe('Final guide');

    // memberB can no longer read it (group A only): 404; a members-only one they can read: 403.
    expect((await t.send('PATCH', `/api/v1/library/${id}`, { title: 'x' }, memberB)).status).toBe(404);
    const shared = await upload(memberA, {
      title: 'Shared',
      language: 'en',
      visibility: 'members',
      url: 'https://example.org/s',
    });
    const refused = await t.send('PATCH', `/api/v1/library/${shared.body.id}`, { title: 'Taken' }, memberB);
    expect(refused.status).toBe(403);
    expect((await remove(memberB, shared.body.id)).status).toBe(403);
    const bad = await t.send('PATCH', `/api/v1/library/${shared.body.id}`, { visibility: 'public' }, memberA);
    expect(bad.status).toBe(403);
    const empty = await t.send('PATCH', `/api/v1/library/${shared.body.id}`, {}, memberA);
    expect(empty.status).toBe(422);
  });

  it('deletes a document, its file and its search entry, and audits it without the bytes', async () => {
    const created = await upload(
      memberA,
      { title: 'Temporary', language: 'en', visibility: 'members' },
      {
        name: 'temp.txt',
        type: 'text/plain',
        bytes: new TextEncoder().encode('Ephemeral quokkanomics text.'),
      },
    );
    const id = created.body.id;
    expect(await searchIds(memberA, 'quokkanomics')).toContain(id);
    const before = await counts();
    const deleted = await remove(memberA, id);
    expect(deleted.status).toBe(204);
    const after = await counts();
    expect(after.resources).toBe(before.resources - 1);
    expect(after.files).toBe(before.files - 1);
    expect(await searchIds(memberA, 'quokkanomics')).not.toContain(id);
    expect((await t.jsonAs(memberA, `/api/v1/library/${id}`)).status).toBe(404);
    expect(
      (await t.request(`/api/v1/library/${id}/download`, { headers: { cookie: memberA.cookie } })).status,
    ).toBe(404);
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.entityId} = ${id} AND ${auditLog.action} = 'library.delete'`);
    expect(entry).toBeDefined();
    expect(entry!.actor).toBe(memberA.userId);
    const before_ = entry!.before as { file: Record<string, unknown> };
    expect(before_.file).toMatchObject({ name: 'temp.txt', type: 'text/plain', size: 28 });
    expect(JSON.stringify(entry!.before)).not.toContain('quokkanomics');
    expect(Object.keys(before_.file)).not.toContain('bytes');
  });

  it('rebuilds library entries in a full reindex', async () => {
    await t.services.reindexAll();
    expect(await searchIds(memberA, 'procurement')).toHaveLength(1);
  });
});
