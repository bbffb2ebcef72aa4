import { useTranslation } from 'react-i18next';
import { PageTitle } from '../components/page-title';
import { RecommendationForm } from '../components/recommendation-form';
import { editRecommendationAction, editRecommendationLoader } from '../recommendations.server';
import type { Route } from './+types/recommendation-edit';

export const loader = (args: Route.LoaderArgs) => editRecommendationLoader(args);

export const action = (args: Route.ActionArgs) => editRecommendationAction(args);

export default function EditRecommendation({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <article className="narrow">
      <PageTitle title={t('recommendations.edit')} />
      <h1>{t('recommendations.edit')}</h1>
      <RecommendationForm
        options={loaderData.options}
        values={actionData?.values ?? loaderData.values}
        errors={actionData?.errors ?? {}}
        isNew={false}
        cancelHref={`/${params.lang}/recommendations/${loaderData.slug}`}
      />
    </article>
  );
}
