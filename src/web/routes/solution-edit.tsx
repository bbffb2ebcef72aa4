import { useTranslation } from 'react-i18next';
import { data, redirect } from 'react-router';
import { AppError } from '../../server/errors';
import { SolutionPatch } from '../../server/modules/solutions/schema';
import type { Language } from '../../shared/languages';
import { PageTitle } from '../components/page-title';
import { SolutionForm, type SolutionFormValues } from '../components/solution-form';
import { editorOptions } from '../editor-options.server';
import { requireMemberPage, runForm, solutionFromForm } from '../forms.server';
import { parseInput } from '../solution-input.server';
import type { Route } from './+types/solution-edit';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  requireMemberPage(context.viewer, params.lang, request);
  try {
    const solution = await context.services.solutions.get(context.viewer, params.slug, params.lang);
    const original = solution.original;
    const values: SolutionFormValues = {
      title: original.title,
      summary: original.summary,
      description: original.description ?? undefined,
      countries: solution.countries.map((c) => c.iso3),
      replicatedIn: solution.replicatedIn.map((c) => c.iso3),
      providers: solution.providers.map((p) => p.id),
      themes: solution.themes.map((x) => x.id),
      sdgTargets: solution.sdgTargets,
      modalities: solution.modalities.map((m) => m.id),
      cooperationType: solution.cooperationType ?? undefined,
      contact: solution.contact ?? undefined,
      evidence: solution.evidence,
    };
    return { slug: solution.slug, values, options: await editorOptions(context, params.lang as Language) };
  } catch (error) {
    if (AppError.is(error) && error.code === 'not_found') throw data(null, { status: 404 });
    throw error;
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  requireMemberPage(context.viewer, params.lang, request);
  const { language: _language, ...values } = solutionFromForm(await request.formData());
  const result = await runForm(() =>
    context.services.lifecycle.update(
      { viewer: context.viewer },
      params.slug,
      parseInput(SolutionPatch, values),
    ),
  );
  if (result.ok) throw redirect(`/${params.lang}/solutions/${result.value.slug}`);
  return data({ errors: result.errors, values }, { status: 422 });
}

export default function EditSolution({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <article className="narrow">
      <PageTitle title={t('editor.editSolution')} />
      <h1>{t('editor.editSolution')}</h1>
      <SolutionForm
        options={loaderData.options}
        values={(actionData?.values ?? loaderData.values) as SolutionFormValues}
        errors={actionData?.errors ?? {}}
        isNew={false}
        cancelHref={`/${params.lang}/solutions/${loaderData.slug}`}
      />
    </article>
  );
}
