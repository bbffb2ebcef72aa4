import { useTranslation } from 'react-i18next';
import { ContributionDeleteForm, ContributionEditForm } from '../components/funding-forms';
import { PageTitle } from '../components/page-title';
import { editContributionAction, editContributionLoader } from '../funding-writes.server';
import type { Route } from './+types/contribution-edit';

export const loader = (args: Route.LoaderArgs) => editContributionLoader(args);

export const action = (args: Route.ActionArgs) => editContributionAction(args);

export default function EditContribution({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { contribution } = loaderData;
  const deleting = actionData?.intent === 'delete';
  return (
    <article className="narrow">
      <PageTitle title={t('fundingForms.editContribution')} />
      <h1>{t('fundingForms.editContribution')}</h1>
      <dl className="facts">
        <dt>{t('fundingForms.donor')}</dt>
        <dd>{contribution.donor.name}</dd>
        {contribution.appeal && (
          <>
            <dt>{t('fundingForms.appeal')}</dt>
            <dd>{contribution.appeal.name}</dd>
          </>
        )}
        {contribution.fund && (
          <>
            <dt>{t('fundingForms.fund')}</dt>
            <dd>{contribution.fund.name}</dd>
          </>
        )}
        {contribution.project && (
          <>
            <dt>{t('fundingForms.earmark')}</dt>
            <dd lang={contribution.project.language}>{contribution.project.title}</dd>
          </>
        )}
      </dl>
      <ContributionEditForm
        options={loaderData.options}
        values={(!deleting && actionData?.values) || loaderData.values}
        errors={(!deleting && actionData?.errors) || {}}
        cancelHref={loaderData.backHref}
      />
      <ContributionDeleteForm
        returnTo={loaderData.values.returnTo}
        errors={(deleting && actionData?.errors) || {}}
      />
    </article>
  );
}
