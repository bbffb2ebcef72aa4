import type { Language } from '../../shared/languages';
import { PostingMatches } from '../components/match-list';
import { PostingDetails } from '../components/posting-details';
import { postingMatches } from '../matches.server';
import { postingAction, postingLoader } from '../postings.server';
import type { Route } from './+types/offer';

export async function loader(args: Route.LoaderArgs) {
  const page = await postingLoader('offer', args);
  const matches = await postingMatches('offer', args.context, page.posting.id, args.params.lang as Language);
  return { ...page, matches };
}

export const action = (args: Route.ActionArgs) => postingAction('offer', args);

export default function Offer({ loaderData, actionData }: Route.ComponentProps) {
  const { matches, ...posting } = loaderData;
  return (
    <PostingDetails {...posting} actionData={actionData}>
      <PostingMatches kind="offer" items={matches} />
    </PostingDetails>
  );
}
