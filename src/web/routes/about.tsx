import { useTranslation } from 'react-i18next';
import { PageTitle } from '../components/page-title';

export default function About() {
  const { t } = useTranslation();
  return (
    <article className="narrow">
      <PageTitle title={t('about.title')} />
      <h1>{t('about.title')}</h1>
      <p>{t('about.p1')}</p>
      <p>{t('about.p2')}</p>
      <h2>{t('about.dataTitle')}</h2>
      <p>{t('about.data')}</p>
      <h2>{t('about.apiTitle')}</h2>
      <p>
        {t('about.api')} <a href="/api/docs">{t('site.apiLink')}</a>
      </p>
    </article>
  );
}
