import { useTranslation } from 'react-i18next';
import { data, Form, redirect } from 'react-router';
import { AppError } from '../../server/errors';
import { readLimitedFormData } from '../../server/modules/library/upload';
import { iatiFileTooLarge, MAX_IATI_UPLOAD_BYTES } from '../../server/modules/projects/iati-routes';
import { PageTitle } from '../components/page-title';
import { requireStaffPage } from '../forms.server';
import type { Route } from './+types/project-import';

export function loader({ request, params, context }: Route.LoaderArgs) {
  requireStaffPage(context.viewer, params.lang, request);
  return { maxMegabytes: MAX_IATI_UPLOAD_BYTES / 1024 / 1024 };
}

/** Queues the uploaded file's import and shows its progress; a missing or oversized file is named. */
export async function action({ request, params, context }: Route.ActionArgs) {
  requireStaffPage(context.viewer, params.lang, request);
  let form: FormData;
  try {
    form = await readLimitedFormData(request, MAX_IATI_UPLOAD_BYTES + 64 * 1024);
  } catch (error) {
    if (AppError.is(error) && error.code === 'payload_too_large')
      return data({ error: 'tooLarge' as const }, { status: 413 });
    throw error;
  }
  const file = form.get('file');
  if (!(file instanceof Blob) || file.size === 0)
    return data({ error: 'required' as const }, { status: 422 });
  if (file.size > MAX_IATI_UPLOAD_BYTES) throw iatiFileTooLarge();
  const name = file instanceof File && file.name ? file.name : 'upload.xml';
  const id = await context.services.iatiImportJobs.submit(
    { viewer: context.viewer, ip: context.clientIp },
    name,
    new Uint8Array(await file.arrayBuffer()),
  );
  return redirect(`/${params.lang}/projects/import/${id}`);
}

export default function ProjectImport({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const error = actionData?.error
    ? t(`projects.import.${actionData.error}`, { max: loaderData.maxMegabytes })
    : null;
  return (
    <article>
      <PageTitle title={t('projects.import.title')} />
      <p>
        <a href={`/${params.lang}/projects`}>{t('nav.projects')}</a>
      </p>
      <h1>{t('projects.import.title')}</h1>
      <p>{t('projects.import.intro', { max: loaderData.maxMegabytes })}</p>
      <Form method="post" encType="multipart/form-data" className="editor" noValidate>
        <div className={error ? 'field has-error' : 'field'}>
          <label htmlFor="iati-file">{t('projects.import.file')}</label>
          <input
            id="iati-file"
            type="file"
            name="file"
            accept=".xml,application/xml,text/xml"
            aria-describedby={error ? 'iati-file-error' : undefined}
            aria-invalid={error ? true : undefined}
          />
          {error && (
            <p id="iati-file-error" className="field-error">
              {error}
            </p>
          )}
        </div>
        <div className="form-actions">
          <button type="submit">{t('projects.import.submit')}</button>
        </div>
      </Form>
    </article>
  );
}
