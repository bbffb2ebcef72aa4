import { useTranslation } from 'react-i18next';
import { PageTitle } from '../components/page-title';
import { PostingForm } from '../components/posting-form';
import { editPostingAction, editPostingLoader } from '../postings.server';
import type { Route } from './+types/offer-edit';

export const loader = (args: Route.LoaderArgs) => editPostingLoader('offer', args);

export const action = (args: Route.ActionArgs) => editPostingAction('offer', args);

export default function EditOffer({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <article className="narrow">
      <PageTitle title={t('offers.edit')} />
      <h1>{t('offers.edit')}</h1>
      <PostingForm
        kind="offer"
        options={loaderData.options}
        values={actionData?.values ?? loaderData.values}
        errors={actionData?.errors ?? {}}
        isNew={false}
        cancelHref={`/${params.lang}/offers/${loaderData.slug}`}
      />
    </article>
  );
}
