import { useTranslation } from 'react-i18next';
import { PageTitle } from '../components/page-title';
import { ProjectForm } from '../components/project-form';
import { editProjectAction, editProjectLoader } from '../projects.server';
import type { Route } from './+types/project-edit';

export const loader = (args: Route.LoaderArgs) => editProjectLoader(args);

export const action = (args: Route.ActionArgs) => editProjectAction(args);

export default function EditProject({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <article className="narrow">
      <PageTitle title={t('projects.edit')} />
      <h1>{t('projects.edit')}</h1>
      <ProjectForm
        options={loaderData.options}
        values={actionData?.values ?? loaderData.values}
        errors={actionData?.errors ?? {}}
        isNew={false}
        cancelHref={`/${params.lang}/projects/${loaderData.slug}`}
      />
    </article>
  );
}
