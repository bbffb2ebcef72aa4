import { useTranslation } from 'react-i18next';
import type { IatiImportReport } from '../../server/modules/projects/import';

/** What an IATI import did: counts, a file refused whole, and each activity refused with why. */
export function ImportReport({ report }: { report: IatiImportReport }) {
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
