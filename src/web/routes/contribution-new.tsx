import { useTranslation } from 'react-i18next';
import { ContributionForm } from '../components/funding-forms';
import { PageTitle } from '../components/page-title';
import { newContributionAction, newContributionLoader } from '../funding-writes.server';
import type { Route } from './+types/contribution-new';

export const loader = (args: Route.LoaderArgs) => newContributionLoader(args);

export const action = (args: Route.ActionArgs) => newContributionAction(args);

export default function NewContribution({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <article className="narrow">
      <PageTitle title={t('fundingForms.newContribution')} />
      <h1>{t('fundingForms.newContribution')}</h1>
      <ContributionForm
        options={loaderData.options}
        values={actionData?.values ?? loaderData.defaults}
        errors={actionData?.errors ?? {}}
        cancelHref={loaderData.cancelHref}
      />
    </article>
  );
}
