import { describe, expect, it } from 'vitest';
import { bordaRanking } from './borda.js';
import { parseMentions, splitMentions } from './mentions.js';

describe('Borda count', () => {
  it('gives n points for a top choice, n − p + 1 for place p and 0 for unranked', () => {
    const ranking = bordaRanking(
      ['a', 'b', 'c', 'd'],
      [
        { userId: 'u1', ranking: ['a', 'b', 'c'] }, // a 4, b 3, c 2
        { userId: 'u2', ranking: ['b', 'a'] }, // b 4, a 3
        { userId: 'u3', ranking: ['c', 'b', 'a', 'd'] }, // c 4, b 3, a 2, d 1
      ],
    );
    expect(ranking.map((r) => [r.id, r.points, r.voters, r.position])).toEqual([
      ['b', 10, 3, 1],
      ['a', 9, 3, 2],
      ['c', 6, 2, 3],
      ['d', 1, 1, 4],
    ]);
  });

  it('breaks ties by number of voters, then by proposal order', () => {
    const ranking = bordaRanking(
      ['x', 'y', 'z'],
      [
        { userId: 'u1', ranking: ['y'] }, // y 3
        { userId: 'u2', ranking: ['z', 'x'] }, // z 3, x 2
        { userId: 'u3', ranking: ['x'] }, // x 3 → x 5
      ],
    );
    expect(ranking.map((r) => r.id)).toEqual(['x', 'y', 'z']);
    expect(ranking[2]!.tied).toBe(true);
    expect(ranking[1]!.tied).toBe(false);
  });

  it('skips closed priorities and duplicates on a ballot, closing the ranks up', () => {
    const ranking = bordaRanking(['a', 'b'], [{ userId: 'u', ranking: ['gone', 'b', 'b', 'a'] }]);
    expect(ranking.map((r) => [r.id, r.points])).toEqual([
      ['b', 2],
      ['a', 1],
    ]);
  });

  it('ranks nothing when there are no priorities', () => {
    expect(bordaRanking([], [{ userId: 'u', ranking: ['a'] }])).toEqual([]);
  });
});

describe('mentions', () => {
  it('finds distinct @{id} tokens and ignores names and malformed tokens', () => {
    expect(parseMentions('Hi @{abc123} and @{x_Y-9}, @{abc123} again; @bob @{} @{a b}')).toEqual([
      'abc123',
      'x_Y-9',
    ]);
  });

  it('splits a body into text and mentions', () => {
    expect(splitMentions('<b>hi</b> @{u1}!')).toEqual([
      { text: '<b>hi</b> ' },
      { mention: 'u1' },
      { text: '!' },
    ]);
  });
});
