import { useTranslation } from 'react-i18next';
import { FundForm } from '../components/funding-forms';
import { PageTitle } from '../components/page-title';
import { newFundAction, newFundLoader } from '../funding-writes.server';
import type { Route } from './+types/appeal-new';

export const loader = (args: Route.LoaderArgs) => newFundLoader('appeal')(args);

export const action = (args: Route.ActionArgs) => newFundAction('appeal')(args);

export default function NewAppeal({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <article className="narrow">
      <PageTitle title={t('fundingForms.newAppeal')} />
      <h1>{t('fundingForms.newAppeal')}</h1>
      <FundForm
        kind="appeal"
        options={loaderData.options}
        values={actionData?.values ?? loaderData.defaults}
        errors={actionData?.errors ?? {}}
        cancelHref={`/${params.lang}/appeals`}
      />
    </article>
  );
}
