import { useTranslation } from 'react-i18next';
import { FundForm } from '../components/funding-forms';
import { PageTitle } from '../components/page-title';
import { newFundAction, newFundLoader } from '../funding-writes.server';
import type { Route } from './+types/fund-new';

export const loader = (args: Route.LoaderArgs) => newFundLoader('trust-fund')(args);

export const action = (args: Route.ActionArgs) => newFundAction('trust-fund')(args);

export default function NewFund({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <article className="narrow">
      <PageTitle title={t('fundingForms.newFund')} />
      <h1>{t('fundingForms.newFund')}</h1>
      <FundForm
        kind="trust-fund"
        options={loaderData.options}
        values={actionData?.values ?? loaderData.defaults}
        errors={actionData?.errors ?? {}}
        cancelHref={`/${params.lang}/funds`}
      />
    </article>
  );
}
