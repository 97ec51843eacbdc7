/**
 * Sorts a short list in place, stably (items that compare equal keep their order), exactly as
 * `Array.prototype.sort` would with the same comparator.
 * @remarks For the matcher's candidate lists (ten to twenty items, sorted twice a search): an insertion sort needs
 * no scratch memory, where the built-in sort allocates its work arrays on every call and was the costliest line
 * of a search (bench/results.md). Quadratic: do not use it for long lists.
 * @param items the list, sorted in place
 * @param compare negative when `a` goes before `b`, positive when after, 0 when either order will do
 * @returns the same list
 */
export function sortShortList<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  for (let i = 1; i < items.length; i++) {
    const item = items[i] as T;
    let j = i - 1;
    while (j >= 0 && compare(items[j] as T, item) > 0) {
      items[j + 1] = items[j] as T;
      j--;
    }
    items[j + 1] = item;
  }
  return items;
}
