import type { Language } from '../../shared/languages';
import { PostingMatches } from '../components/match-list';
import { PostingDetails } from '../components/posting-details';
import { postingMatches } from '../matches.server';
import { postingAction, postingLoader } from '../postings.server';
import type { Route } from './+types/need';

export async function loader(args: Route.LoaderArgs) {
  const page = await postingLoader('need', args);
  const matches = await postingMatches('need', args.context, page.posting.id, args.params.lang as Language);
  return { ...page, matches };
}

export const action = (args: Route.ActionArgs) => postingAction('need', args);

export default function Need({ loaderData, actionData }: Route.ComponentProps) {
  const { matches, ...posting } = loaderData;
  return (
    <PostingDetails {...posting} actionData={actionData}>
      <PostingMatches kind="need" items={matches} />
    </PostingDetails>
  );
}
