import { useTranslation } from 'react-i18next';
import { LineForm } from '../components/funding-forms';
import { PageTitle } from '../components/page-title';
import { newLineAction, newLineLoader } from '../funding-writes.server';
import type { Route } from './+types/appeal-line-new';

export const loader = (args: Route.LoaderArgs) => newLineLoader(args);

export const action = (args: Route.ActionArgs) => newLineAction(args);

export default function NewAppealLine({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { appeal } = loaderData;
  return (
    <article className="narrow">
      <PageTitle title={t('fundingForms.newLine')} />
      <h1>{t('fundingForms.newLine')}</h1>
      <p>
        <strong>{t('fundingForms.appeal')}:</strong> <span lang={appeal.language}>{appeal.name}</span>
      </p>
      <LineForm
        options={loaderData.options}
        values={actionData?.values ?? loaderData.defaults}
        errors={actionData?.errors ?? {}}
        cancelHref={`/${params.lang}/appeals/${appeal.slug}`}
      />
    </article>
  );
}
