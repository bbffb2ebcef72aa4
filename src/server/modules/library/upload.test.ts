import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { MAX_UPLOAD_BYTES } from '../../files/limits.js';
import { contentDisposition } from './routes.js';
import { isHttpUrl, ResourceFormInput } from './schema.js';
import { formFields, readLimitedFormData, UPLOAD_BODY_LIMIT, uploadedFile } from './upload.js';

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (AppError.is(error)) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

/** A body stream of `total` zero bytes in 64 KiB chunks, counting what was pulled from it. */
function zeros(total: number) {
  const pulled = { bytes: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const size = Math.min(65536, total - pulled.bytes);
      if (size <= 0) return controller.close();
      pulled.bytes += size;
      controller.enqueue(new Uint8Array(size));
    },
  });
  return { stream, pulled };
}

describe('readLimitedFormData', () => {
  it('reads a form within the limit, keeping repeated fields and the file', async () => {
    const form = new FormData();
    form.append('title', 'Notes');
    form.append('themes', 'a');
    form.append('themes', 'b');
    form.append('file', new Blob(['hello'], { type: 'text/plain' }), 'hello.txt');
    const request = new Request('http://localhost/en/library/new', { method: 'POST', body: form });
    const fields = formFields(await readLimitedFormData(request));
    expect(fields.title).toBe('Notes');
    expect(fields.themes).toEqual(['a', 'b']);
    const file = await uploadedFile(fields.file);
    expect(file?.name).toBe('hello.txt');
    expect(new TextDecoder().decode(file?.bytes)).toBe('hello');
  });

  it('refuses an announced Content-Length over the limit without reading the body', async () => {
    const { stream, pulled } = zeros(UPLOAD_BODY_LIMIT * 2);
    const request = new Request('http://localhost/x', {
      method: 'POST',
      headers: {
        'content-type': 'multipart/form-data; boundary=x',
        'content-length': String(UPLOAD_BODY_LIMIT + 1),
      },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    const error = await failure(readLimitedFormData(request));
    expect(error.code).toBe('payload_too_large');
    expect(error.errors.map((e) => e.field)).toEqual(['body.file']);
    expect(pulled.bytes).toBeLessThanOrEqual(65536 * 2);
  });

  it('stops reading a streamed body once it passes the limit', async () => {
    const { stream, pulled } = zeros(UPLOAD_BODY_LIMIT * 3);
    const request = new Request('http://localhost/x', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    const error = await failure(readLimitedFormData(request));
    expect(error.code).toBe('payload_too_large');
    expect(pulled.bytes).toBeLessThan(UPLOAD_BODY_LIMIT + 65536 * 3);
  });

  it('answers 400 for a body that is not a form', async () => {
    const request = new Request('http://localhost/x', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: 'not multipart at all',
    });
    expect((await failure(readLimitedFormData(request))).code).toBe('bad_request');
  });
});

describe('uploadedFile', () => {
  it('treats an empty, nameless part (no file chosen) as no file', async () => {
    expect(await uploadedFile(new File([], ''))).toBeUndefined();
    expect(await uploadedFile(undefined)).toBeUndefined();
    expect(await uploadedFile('')).toBeUndefined();
  });

  it('refuses text in the file field, several files, and a file over the limit', async () => {
    expect((await failure(uploadedFile('abc'))).errors[0]?.field).toBe('body.file');
    expect((await failure(uploadedFile([new File(['a'], 'a.txt'), new File(['b'], 'b.txt')]))).code).toBe(
      'validation_failed',
    );
    const big = new File([new Uint8Array(MAX_UPLOAD_BYTES + 1)], 'big.pdf');
    expect((await failure(uploadedFile(big))).code).toBe('payload_too_large');
  });
});

describe('links and names', () => {
  it('accepts only absolute http(s) addresses', () => {
    expect(isHttpUrl('https://example.org/a?b=c')).toBe(true);
    expect(isHttpUrl('http://example.org')).toBe(true);
    for (const url of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,x',
      'file:///etc/passwd',
      '//example.org',
      'example.org',
      'http://',
    ]) {
      expect(isHttpUrl(url), url).toBe(false);
    }
  });

  it('reads the form: empty optional fields are absent, a single theme is a list', () => {
    const parsed = ResourceFormInput.parse({
      title: ' Notes ',
      language: 'FR',
      themes: 'school-feeding',
      workingGroupId: '',
      url: '',
      description: '',
    });
    expect(parsed).toMatchObject({
      title: 'Notes',
      language: 'fr',
      themes: ['school-feeding'],
      visibility: 'members',
    });
    expect(parsed.workingGroupId).toBeUndefined();
    expect(parsed.url).toBeUndefined();
    expect(parsed.description).toBeUndefined();
    const bad = ResourceFormInput.safeParse({ title: 'x', language: 'en', url: 'javascript:alert(1)' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['url']);
  });

  it('names a download in ASCII and in UTF-8, with nothing that breaks the header', () => {
    expect(contentDisposition('report.pdf')).toBe(
      `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`,
    );
    const header = contentDisposition('a"b\\c;%\r\n 学校.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toContain(`filename="a_b_c;___ __.pdf"`);
    expect(header).toContain(`filename*=UTF-8''a%22b%5Cc%3B%25%0D%0A%20%E5%AD%A6%E6%A0%A1.pdf`);
  });
});
