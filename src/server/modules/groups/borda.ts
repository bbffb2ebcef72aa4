/**
 * Joint planning: the group's combined ranking of its open priorities, by Borda count.
 *
 * With `n` open priorities, each member's ballot is their own ranking of some or all of them
 * (closed or unknown priorities on a ballot are skipped, and the rest close ranks up). The
 * priority a member puts in place `p` (1 = top) earns `n − p + 1` points from that ballot, so a
 * top choice earns `n` and the last of a full ranking earns 1; a priority the member left
 * unranked earns 0. A priority's score is the sum over all ballots.
 *
 * The combined order is by points (most first); ties go to the priority more members ranked,
 * then to the one proposed first (the order of `priorityIds`). Positions are 1, 2, 3… in that
 * order; `tied` marks a priority with the same points and voters as the one before it.
 */
export type Ballot = { userId: string; ranking: readonly string[] };

export type RankedPriority = {
  id: string;
  position: number;
  points: number;
  /** Members whose ballot ranks this priority. */
  voters: number;
  tied: boolean;
};

export function bordaRanking(priorityIds: readonly string[], ballots: readonly Ballot[]): RankedPriority[] {
  const n = priorityIds.length;
  const open = new Set(priorityIds);
  const points = new Map(priorityIds.map((id) => [id, 0]));
  const voters = new Map(priorityIds.map((id) => [id, 0]));
  for (const ballot of ballots) {
    const seen = new Set<string>();
    const ranking = ballot.ranking.filter((id) => open.has(id) && !seen.has(id) && seen.add(id));
    ranking.forEach((id, index) => {
      points.set(id, points.get(id)! + (n - index));
      voters.set(id, voters.get(id)! + 1);
    });
  }
  const proposed = new Map(priorityIds.map((id, index) => [id, index]));
  const sorted = [...priorityIds].sort(
    (a, b) =>
      points.get(b)! - points.get(a)! ||
      voters.get(b)! - voters.get(a)! ||
      proposed.get(a)! - proposed.get(b)!,
  );
  return sorted.map((id, index) => {
    const previous = index > 0 ? sorted[index - 1]! : undefined;
    return {
      id,
      position: index + 1,
      points: points.get(id)!,
      voters: voters.get(id)!,
      tied:
        previous !== undefined &&
        points.get(previous) === points.get(id) &&
        voters.get(previous) === voters.get(id),
    };
  });
}
