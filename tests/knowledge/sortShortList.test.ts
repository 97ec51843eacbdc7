import { sortShortList } from '../../src/knowledge/sortShortList';

/** A small deterministic random source, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe('sorting the short lists of candidates the matcher ranks', () => {
  test('it puts them in the order the built-in sort does, ties in their original order', () => {
    const next = random(42);
    for (let round = 0; round < 2_000; round++) {
      const length = Math.floor(next() * 25);
      // Few distinct scores, so that ties are common.
      const items = Array.from({ length }, (_, id) => ({ id, score: Math.floor(next() * 5) / 4 }));
      const byScore = (a: { score: number }, b: { score: number }) => b.score - a.score;
      expect(sortShortList([...items], byScore)).toEqual([...items].sort(byScore));
    }
  });

  test('it sorts in place and returns the same list', () => {
    const list = [3, 1, 2];
    expect(sortShortList(list, (a, b) => a - b)).toBe(list);
    expect(list).toEqual([1, 2, 3]);
  });

  test('it leaves empty and one-item lists alone', () => {
    expect(sortShortList([], () => 0)).toEqual([]);
    expect(sortShortList(['only'], () => 0)).toEqual(['only']);
  });
});
