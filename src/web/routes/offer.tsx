import { PostingDetails } from '../components/posting-details';
import { postingAction, postingLoader } from '../postings.server';
import type { Route } from './+types/offer';

export const loader = (args: Route.LoaderArgs) => postingLoader('offer', args);

export const action = (args: Route.ActionArgs) => postingAction('offer', args);

export default function Offer({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <PostingDetails {...loaderData} actionData={actionData}>
      {/* matches */}
    </PostingDetails>
  );
}
