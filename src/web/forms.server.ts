import { AppError, type FieldError } from '../server/errors';
import type { Viewer } from '../server/modules/access/policy';
import { requirePageRole } from './auth.server';

/** Sends a visitor to the sign-in page, coming back here afterwards. */
export function requireStaffPage(viewer: Viewer, lang: string, request: Request): void {
  requirePageRole(viewer, 'secretariat', lang, request);
}

/** Any signed-in account (members write drafts and translations). */
export function requireMemberPage(viewer: Viewer, lang: string, request: Request): void {
  requirePageRole(viewer, 'member', lang, request);
}

/** Field errors keyed by form field name (`body.countries.1` → `countries`). */
export function errorsByField(errors: FieldError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of errors) {
    const field = error.field.replace(/^(body|path|query)\./, '').split('.')[0] ?? 'form';
    out[field] ??= error.message;
  }
  return out;
}

/**
 * Runs a write; expected failures become field errors for the form instead of an error page.
 * `byField` keys them by the form's field names (by default the top-level field).
 */
export async function runForm<T>(
  write: () => Promise<T>,
  byField: (errors: FieldError[]) => Record<string, string> = errorsByField,
): Promise<{ ok: true; value: T } | { ok: false; errors: Record<string, string>; message: string }> {
  try {
    return { ok: true, value: await write() };
  } catch (error) {
    if (!AppError.is(error) || error.status >= 500) throw error;
    const errors = byField(error.errors);
    return {
      ok: false,
      errors: Object.keys(errors).length ? errors : { form: error.message },
      message: error.message,
    };
  }
}

const list = (form: FormData, name: string) => form.getAll(name).map(String).filter(Boolean);
const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
};

/** The solution fields of an editor form, in the shape the API takes. */
export function solutionFromForm(form: FormData) {
  const contactName = text(form, 'contactName');
  const contactEmail = text(form, 'contactEmail');
  return {
    language: text(form, 'language'),
    title: text(form, 'title') ?? '',
    summary: text(form, 'summary') ?? '',
    description: text(form, 'description'),
    countries: list(form, 'countries'),
    replicatedIn: list(form, 'replicatedIn'),
    providers: list(form, 'providers'),
    themes: list(form, 'themes'),
    sdgTargets: (text(form, 'sdgTargets') ?? '')
      .normalize('NFKC')
      .split(/[\s,;、،؛]+/)
      .filter(Boolean),
    modalities: list(form, 'modalities'),
    cooperationType: text(form, 'cooperationType'),
    visibility: text(form, 'visibility') ?? 'public',
    contact: contactName
      ? { name: contactName, ...(contactEmail ? { email: contactEmail } : {}) }
      : undefined,
    evidence: (text(form, 'evidence') ?? '')
      .split('\n')
      .map((url) => url.trim())
      .filter(Boolean)
      .map((url) => ({ url })),
  };
}
