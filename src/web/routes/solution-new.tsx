import { useTranslation } from 'react-i18next';
import { data, redirect } from 'react-router';
import { SolutionInput } from '../../server/modules/solutions/schema';
import type { Language } from '../../shared/languages';
import { PageTitle } from '../components/page-title';
import { SolutionForm, type SolutionFormValues } from '../components/solution-form';
import { editorOptions } from '../editor-options.server';
import { requireMemberPage, runForm, solutionFromForm } from '../forms.server';
import { parseInput } from '../solution-input.server';
import type { Route } from './+types/solution-new';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  requireMemberPage(context.viewer, params.lang, request);
  return { options: await editorOptions(context, params.lang as Language) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  requireMemberPage(context.viewer, params.lang, request);
  const values = solutionFromForm(await request.formData());
  const result = await runForm(() =>
    context.services.lifecycle.create({ viewer: context.viewer }, parseInput(SolutionInput, values)),
  );
  if (result.ok) throw redirect(`/${params.lang}/solutions/${result.value.slug}`);
  return data({ errors: result.errors, values }, { status: 422 });
}

export default function NewSolution({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <article className="narrow">
      <PageTitle title={t('editor.newSolution')} />
      <h1>{t('editor.newSolution')}</h1>
      <SolutionForm
        options={loaderData.options}
        values={(actionData?.values ?? { language: params.lang }) as SolutionFormValues}
        errors={actionData?.errors ?? {}}
        isNew
        cancelHref={`/${params.lang}/solutions`}
      />
    </article>
  );
}
