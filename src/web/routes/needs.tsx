import { PostingList } from '../components/posting-list';
import { postingListLoader } from '../postings.server';
import type { Route } from './+types/needs';

export const loader = (args: Route.LoaderArgs) => postingListLoader('need', args);

export default function Needs({ loaderData }: Route.ComponentProps) {
  return <PostingList kind="need" {...loaderData} />;
}
