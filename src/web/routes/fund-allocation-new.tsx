import { useTranslation } from 'react-i18next';
import { AllocationForm } from '../components/funding-forms';
import { PageTitle } from '../components/page-title';
import { newAllocationAction, newAllocationLoader } from '../funding-writes.server';
import type { Route } from './+types/fund-allocation-new';

export const loader = (args: Route.LoaderArgs) => newAllocationLoader(args);

export const action = (args: Route.ActionArgs) => newAllocationAction(args);

export default function NewAllocation({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { fund } = loaderData;
  return (
    <article className="narrow">
      <PageTitle title={t('fundingForms.newAllocation')} />
      <h1>{t('fundingForms.newAllocation')}</h1>
      <p>
        <strong>{t('fundingForms.fund')}:</strong> <span lang={fund.language}>{fund.name}</span>
      </p>
      <AllocationForm
        options={loaderData.options}
        values={actionData?.values ?? loaderData.defaults}
        errors={actionData?.errors ?? {}}
        cancelHref={`/${params.lang}/funds/${fund.slug}`}
      />
    </article>
  );
}
