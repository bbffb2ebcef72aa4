import { useTranslation } from 'react-i18next';
import { PageTitle } from '../components/page-title';
import { ProjectForm } from '../components/project-form';
import { newProjectAction, newProjectLoader } from '../projects.server';
import type { Route } from './+types/project-new';

export const loader = (args: Route.LoaderArgs) => newProjectLoader(args);

export const action = (args: Route.ActionArgs) => newProjectAction(args);

export default function NewProject({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <article className="narrow">
      <PageTitle title={t('projects.new')} />
      <h1>{t('projects.new')}</h1>
      <ProjectForm
        options={loaderData.options}
        values={actionData?.values ?? loaderData.defaults}
        errors={actionData?.errors ?? {}}
        isNew
        cancelHref={`/${params.lang}/projects`}
      />
    </article>
  );
}
