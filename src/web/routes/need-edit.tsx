import { useTranslation } from 'react-i18next';
import { PageTitle } from '../components/page-title';
import { PostingForm } from '../components/posting-form';
import { editPostingAction, editPostingLoader } from '../postings.server';
import type { Route } from './+types/need-edit';

export const loader = (args: Route.LoaderArgs) => editPostingLoader('need', args);

export const action = (args: Route.ActionArgs) => editPostingAction('need', args);

export default function EditNeed({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <article className="narrow">
      <PageTitle title={t('needs.edit')} />
      <h1>{t('needs.edit')}</h1>
      <PostingForm
        kind="need"
        options={loaderData.options}
        values={actionData?.values ?? loaderData.values}
        errors={actionData?.errors ?? {}}
        isNew={false}
        cancelHref={`/${params.lang}/needs/${loaderData.slug}`}
      />
    </article>
  );
}
