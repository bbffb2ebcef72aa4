import { useTranslation } from 'react-i18next';

export type FieldProblem = { field: string; message: string };

/** Lists filters that were invalid and ignored, so the reader knows why results look unfiltered. */
export function FilterErrors({ errors }: { errors: FieldProblem[] }) {
  const { t } = useTranslation();
  if (errors.length === 0) return null;
  return (
    <div role="alert" className="alert">
      <p>{t('list.invalidFilters')}</p>
      <ul>
        {errors.map((error) => (
          <li key={error.field}>
            <strong>{error.field.replace(/^query\./, '')}</strong>: {error.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The error for one field, shown beside it. */
export function fieldError(errors: FieldProblem[], field: string): string | undefined {
  return errors.find((error) => error.field === `query.${field}`)?.message;
}
