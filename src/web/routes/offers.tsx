import { PostingList } from '../components/posting-list';
import { postingListLoader } from '../postings.server';
import type { Route } from './+types/offers';

export const loader = (args: Route.LoaderArgs) => postingListLoader('offer', args);

export default function Offers({ loaderData }: Route.ComponentProps) {
  return <PostingList kind="offer" {...loaderData} />;
}
