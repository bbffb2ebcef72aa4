import { PostingDetails } from '../components/posting-details';
import { postingAction, postingLoader } from '../postings.server';
import type { Route } from './+types/need';

export const loader = (args: Route.LoaderArgs) => postingLoader('need', args);

export const action = (args: Route.ActionArgs) => postingAction('need', args);

export default function Need({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <PostingDetails {...loaderData} actionData={actionData}>
      {/* matches */}
    </PostingDetails>
  );
}
