import { useTranslation } from 'react-i18next';
import { data, Form } from 'react-router';
import { AppError } from '../../server/errors';
import { readLimitedFormData } from '../../server/modules/library/upload';
import { iatiFileTooLarge, MAX_IATI_UPLOAD_BYTES } from '../../server/modules/projects/iati-routes';
import type { IatiImportReport } from '../../server/modules/projects/import';
import { PageTitle } from '../components/page-title';
import { requireStaffPage } from '../forms.server';
import type { Route } from './+types/project-import';

export function loader({ request, params, context }: Route.LoaderArgs) {
  requireStaffPage(context.viewer, params.lang, request);
  return { maxMegabytes: MAX_IATI_UPLOAD_BYTES / 1024 / 1024 };
}

/** Imports the uploaded file and answers with its report; a missing or oversized file is named. */
export async function action({ request, params, context }: Route.ActionArgs) {
  requireStaffPage(context.viewer, params.lang, request);
  let form: FormData;
  try {
    form = await readLimitedFormData(request, MAX_IATI_UPLOAD_BYTES + 64 * 1024);
  } catch (error) {
    if (AppError.is(error) && error.code === 'payload_too_large')
      return data({ error: 'tooLarge' as const, report: null }, { status: 413 });
    throw error;
  }
  const file = form.get('file');
  if (!(file instanceof Blob) || file.size === 0)
    return data({ error: 'required' as const, report: null }, { status: 422 });
  if (file.size > MAX_IATI_UPLOAD_BYTES) throw iatiFileTooLarge();
  const name = file instanceof File && file.name ? file.name : 'upload.xml';
  const report: IatiImportReport = await context.services.iatiImport.importFile(
    { viewer: context.viewer, ip: context.clientIp },
    name,
    new Uint8Array(await file.arrayBuffer()),
    { maxBytes: MAX_IATI_UPLOAD_BYTES },
  );
  return data({ error: null, report }, { status: report.fileIssues.length ? 422 : 200 });
}

export default function ProjectImport({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const report = actionData?.report ?? null;
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
      {report && <ImportReport report={report} />}
    </article>
  );
}

function ImportReport({ report }: { report: IatiImportReport }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="report-heading" aria-live="polite">
      <h2 id="report-heading">{t('projects.import.reportTitle', { file: report.file })}</h2>
      <p role="status">
        {t('projects.import.summary', {
          version: report.version ?? '?',
          total: report.total,
          created: report.created,
          updated: report.updated,
          refused: report.refused.length,
        })}
      </p>
      {report.fileIssues.length > 0 && (
        <div role="alert" className="alert">
          <p>{t('projects.import.fileRefused')}</p>
          <ul>
            {report.fileIssues.map((issue) => (
              <li key={`${issue.line}:${issue.field}:${issue.message}`}>
                {t('projects.import.issue', {
                  line: issue.line ?? '?',
                  field: issue.field,
                  message: issue.message,
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {report.refused.length > 0 && (
        <table>
          <caption>{t('projects.import.refusedCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('projects.import.identifier')}</th>
              <th scope="col">{t('projects.import.line')}</th>
              <th scope="col">{t('projects.import.problems')}</th>
            </tr>
          </thead>
          <tbody>
            {report.refused.map((refused) => (
              <tr key={`${refused.line}:${refused.identifier}`}>
                <td dir="ltr">{refused.identifier ?? '—'}</td>
                <td>{refused.line ?? '—'}</td>
                <td>
                  <ul>
                    {refused.issues.map((issue) => (
                      <li key={`${issue.line}:${issue.field}:${issue.message}`} dir="ltr">
                        {t('projects.import.issue', {
                          line: issue.line ?? '?',
                          field: issue.field,
                          message: issue.message,
                        })}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
