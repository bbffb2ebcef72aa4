import { useTranslation } from 'react-i18next';
import type { SolutionSummary } from '../../server/modules/solutions/schema';
import { langProps, useLanguage } from './format';

/** One solution in a list: title, summary, where it comes from and its themes. */
export function SolutionCard({ solution }: { solution: SolutionSummary }) {
  const language = useLanguage();
  const { t } = useTranslation();
  const textLang = langProps(solution.language, language);
  return (
    <article className="card">
      <h3 {...textLang}>
        <a href={`/${language}/solutions/${solution.slug}`}>{solution.title}</a>
      </h3>
      {solution.status !== 'published' && <p className="status">{t(`workflow.status.${solution.status}`)}</p>}
      <p {...textLang}>{solution.summary}</p>
      <p className="meta">
        {solution.countries.map((c) => c.name).join(', ')}
        {solution.providers.length > 0 && (
          <> · {solution.providers.map((p) => p.acronym ?? p.name).join(', ')}</>
        )}
      </p>
      <ul className="tags">
        {solution.themes.map((theme) => (
          <li key={theme.id}>
            <a href={`/${language}/solutions?theme=${theme.id}`}>{theme.label}</a>
          </li>
        ))}
      </ul>
    </article>
  );
}
