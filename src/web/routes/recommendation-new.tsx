import { useTranslation } from 'react-i18next';
import { PageTitle } from '../components/page-title';
import { RecommendationForm } from '../components/recommendation-form';
import { newRecommendationAction, newRecommendationLoader } from '../recommendations.server';
import type { Route } from './+types/recommendation-new';

export const loader = (args: Route.LoaderArgs) => newRecommendationLoader(args);

export const action = (args: Route.ActionArgs) => newRecommendationAction(args);

export default function NewRecommendation({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <article className="narrow">
      <PageTitle title={t('recommendations.new')} />
      <h1>{t('recommendations.new')}</h1>
      <RecommendationForm
        options={loaderData.options}
        values={actionData?.values ?? loaderData.defaults}
        errors={actionData?.errors ?? {}}
        isNew
        cancelHref={`/${params.lang}/recommendations`}
      />
    </article>
  );
}
