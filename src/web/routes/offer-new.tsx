import { useTranslation } from 'react-i18next';
import { PageTitle } from '../components/page-title';
import { PostingForm } from '../components/posting-form';
import { newPostingAction, newPostingLoader } from '../postings.server';
import type { Route } from './+types/offer-new';

export const loader = (args: Route.LoaderArgs) => newPostingLoader('offer', args);

export const action = (args: Route.ActionArgs) => newPostingAction('offer', args);

export default function NewOffer({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <article className="narrow">
      <PageTitle title={t('offers.new')} />
      <h1>{t('offers.new')}</h1>
      <PostingForm
        kind="offer"
        options={loaderData.options}
        values={actionData?.values ?? loaderData.defaults}
        errors={actionData?.errors ?? {}}
        isNew
        cancelHref={`/${params.lang}/offers`}
      />
    </article>
  );
}
