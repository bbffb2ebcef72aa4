import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { data, useRevalidator } from 'react-router';
import { AppError } from '../../server/errors';
import { ImportReport } from '../components/import-report';
import { PageTitle } from '../components/page-title';
import { requireStaffPage } from '../forms.server';
import type { Route } from './+types/project-import-status';

/** Seconds between looks at a running import, with or without JavaScript. */
const REFRESH_SECONDS = 2;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  requireStaffPage(context.viewer, params.lang, request);
  try {
    return { job: await context.services.iatiImportJobs.get({ viewer: context.viewer }, params.importId) };
  } catch (error) {
    if (AppError.is(error) && error.code === 'not_found') throw data(null, { status: 404 });
    throw error;
  }
}

export function meta({ data: loaded }: Route.MetaArgs) {
  const pending = loaded && (loaded.job.status === 'queued' || loaded.job.status === 'running');
  // Without JavaScript the page reloads itself until the import ends.
  return pending ? [{ httpEquiv: 'refresh', content: String(REFRESH_SECONDS) }] : [];
}

export default function ProjectImportStatus({ loaderData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { job } = loaderData;
  const pending = job.status === 'queued' || job.status === 'running';
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => {
      if (revalidator.state === 'idle') void revalidator.revalidate();
    }, REFRESH_SECONDS * 1000);
    return () => clearInterval(timer);
  }, [pending, revalidator]);
  const total = Math.max(job.expected, job.done);
  return (
    <article>
      <PageTitle title={t('projects.import.title')} />
      <p>
        <a href={`/${params.lang}/projects/import`}>{t('projects.import.another')}</a>
      </p>
      <h1>{t('projects.import.title')}</h1>
      <p dir="auto">{job.fileName}</p>
      {pending && (
        <div aria-live="polite">
          <p>{t(`projects.import.${job.status}`)}</p>
          <progress
            id="import-progress"
            max={total || 1}
            value={job.done}
            aria-labelledby="import-progress-text"
          />
          <p id="import-progress-text">{t('projects.import.progress', { done: job.done, total })}</p>
        </div>
      )}
      {job.status === 'failed' && (
        <div role="alert" className="alert">
          <p>{t('projects.import.failed')}</p>
          <p dir="ltr">{job.error}</p>
        </div>
      )}
      {job.report && <ImportReport report={job.report} />}
    </article>
  );
}
