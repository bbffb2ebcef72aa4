import { useTranslation } from 'react-i18next';
import { PageTitle } from '../components/page-title';
import { PostingForm } from '../components/posting-form';
import { newPostingAction, newPostingLoader } from '../postings.server';
import type { Route } from './+types/need-new';

export const loader = (args: Route.LoaderArgs) => newPostingLoader('need', args);

export const action = (args: Route.ActionArgs) => newPostingAction('need', args);

export default function NewNeed({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <article className="narrow">
      <PageTitle title={t('needs.new')} />
      <h1>{t('needs.new')}</h1>
      <PostingForm
        kind="need"
        options={loaderData.options}
        values={actionData?.values ?? loaderData.defaults}
        errors={actionData?.errors ?? {}}
        isNew
        cancelHref={`/${params.lang}/needs`}
      />
    </article>
  );
}
