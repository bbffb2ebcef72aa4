import { useTranslation } from 'react-i18next';

/** Sets the document title (React hoists it into the head) as "Page · Southbridge". */
export function PageTitle({ title }: { title: string }) {
  const { t } = useTranslation();
  return <title>{`${title} · ${t('site.name')}`}</title>;
}
