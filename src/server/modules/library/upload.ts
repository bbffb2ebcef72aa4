/**
 * Reading uploads without holding more than the limit in memory: the API route uses Hono's
 * bodyLimit with `UPLOAD_BODY_LIMIT`; the web form's action uses `readLimitedFormData`.
 */
import { AppError } from '../../errors.js';
import { MAX_UPLOAD_BYTES } from '../../files/limits.js';

/** The largest request body an upload may have: the file plus room for the other fields. */
export const UPLOAD_BODY_LIMIT = MAX_UPLOAD_BYTES + 256 * 1024;

/** A file as the library service takes it. */
export type UploadFile = { name: string; declaredType?: string; bytes: Uint8Array };

const megabytes = (bytes: number) => Math.round(bytes / (1024 * 1024));

/** 413 naming `file`. */
export function uploadTooLarge(): AppError {
  const message = `The file is too large; the limit is ${megabytes(MAX_UPLOAD_BYTES)} MB.`;
  return new AppError('payload_too_large', message, [{ field: 'body.file', message, code: 'too_large' }]);
}

/**
 * The multipart or urlencoded body of a request, refusing (413 naming `file`) once more than
 * `limit` bytes arrive, whether or not a Content-Length announced them.
 */
export async function readLimitedFormData(request: Request, limit = UPLOAD_BODY_LIMIT): Promise<FormData> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) throw uploadTooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        throw uploadTooLarge();
      }
      chunks.push(value);
    }
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return await new Response(body, {
      headers: { 'content-type': request.headers.get('content-type') ?? '' },
    }).formData();
  } catch {
    throw new AppError('bad_request', 'The form could not be read', [
      { field: 'body', message: 'is not valid multipart/form-data' },
    ]);
  }
}

/** Form fields as an object, a repeated field as a list (the way Hono's form validator reads them). */
export function formFields(form: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const out: Record<string, FormDataEntryValue | FormDataEntryValue[]> = Object.create(null);
  form.forEach((value, key) => {
    const previous = out[key];
    if (previous === undefined) out[key] = value;
    else out[key] = Array.isArray(previous) ? [...previous, value] : [previous, value];
  });
  return out;
}

/**
 * The uploaded file of a form field, or undefined when none was chosen (a browser sends an empty,
 * nameless part for an empty file input). 422 naming `file` for text or several files.
 */
export async function uploadedFile(value: unknown): Promise<UploadFile | undefined> {
  if (value === undefined || value === null || value === '') return undefined;
  if (Array.isArray(value)) {
    throw new AppError('validation_failed', 'Send one file', [
      { field: 'body.file', message: 'send one file, not several' },
    ]);
  }
  if (!(value instanceof Blob)) {
    throw new AppError('validation_failed', 'The file field must hold a file', [
      { field: 'body.file', message: 'must be a file' },
    ]);
  }
  const name = value instanceof File ? value.name : '';
  if (value.size === 0 && !name) return undefined;
  if (value.size > MAX_UPLOAD_BYTES) throw uploadTooLarge();
  return { name, declaredType: value.type, bytes: new Uint8Array(await value.arrayBuffer()) };
}
