import { ProjectDetails } from '../components/project-details';
import { projectAction, projectLoader } from '../projects.server';
import type { Route } from './+types/project';

export const loader = (args: Route.LoaderArgs) => projectLoader(args);

export const action = (args: Route.ActionArgs) => projectAction(args);

export default function ProjectPage({ loaderData, actionData }: Route.ComponentProps) {
  return <ProjectDetails {...loaderData} errors={actionData?.errors ?? {}} />;
}
