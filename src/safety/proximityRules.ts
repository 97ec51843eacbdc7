import { foldText } from '../text/foldText';

/** One proximity rule before compilation: groups of word starts ("=" first for a whole word). */
export interface ProximityRuleSource<T> {
  /** Two to four groups; one word of each must stand within `window` consecutive words. */
  readonly groups: ReadonlyArray<ReadonlyArray<string>>;
  /** How many consecutive words may hold the matched words. */
  readonly window: number;
  /** When true, the matched words must follow the order of the groups. */
  readonly inOrder?: boolean;
  /** What a match reports. */
  readonly value: T;
}

interface CompiledRule<T> {
  /** Slot of each group (a slot is one group of one rule). */
  readonly slots: readonly number[];
  readonly window: number;
  readonly inOrder: boolean;
  readonly value: T;
}

interface TrieNode {
  readonly next: Map<string, TrieNode>;
  /** Slots filled by any word passing through this node (the node spells a word start). */
  readonly prefix: number[];
  /** Slots filled only by a word ending exactly here. */
  readonly exact: number[];
}

const newNode = (): TrieNode => ({ next: new Map(), prefix: [], exact: [] });

/** Word starts are at least this long, so every word is first looked up by its first letters in one step. */
const HEAD = 3;

/**
 * Proximity rules ("a bleeding word near a quantity word") compiled into one letter trie of all word starts.
 * @remarks A message is read once, word by word, whatever the number of rules: most words are dismissed by one
 * lookup of their first three letters. Only rules whose every group was filled are then checked for distance.
 * Each group must be filled by a different word.
 */
export class ProximityRules<T> {
  /** Whole words shorter than HEAD letters ("=t", "=he"). */
  private readonly short = new Map<string, number[]>();
  /** Trie nodes at depth HEAD, by their first HEAD letters. */
  private readonly heads = new Map<string, TrieNode>();
  private readonly rules: ReadonlyArray<CompiledRule<T>>;
  private readonly ruleOfSlot: readonly number[];
  /** Positions per slot during one check (reused; check is synchronous). */
  private readonly positions: number[][];

  /** Folds every word start and builds the lookup tables. */
  constructor(rules: Iterable<ProximityRuleSource<T>>) {
    const compiled: Array<CompiledRule<T>> = [];
    const ruleOfSlot: number[] = [];
    for (const r of rules) {
      const slots = r.groups.map((stems) => {
        const slot = ruleOfSlot.length;
        ruleOfSlot.push(compiled.length);
        for (const stem of stems) this.add(stem, slot);
        return slot;
      });
      compiled.push({ slots, window: r.window, inOrder: r.inOrder ?? false, value: r.value });
    }
    this.rules = compiled;
    this.ruleOfSlot = ruleOfSlot;
    this.positions = ruleOfSlot.map(() => []);
  }

  /**
   * Adds to `found` the value of every rule matched by the folded words; with `accept`, only of a rule matched by
   * words `accept` agrees to (it gets their positions, one per group, in reading order). Every placing of the
   * words is tried before a rule is given up.
   */
  collect(
    words: readonly string[],
    found: Set<T>,
    accept?: (value: T, positions: readonly number[]) => boolean,
  ): void {
    const touched: number[] = [];
    const note = (slots: readonly number[], at: number) => {
      for (const slot of slots) {
        const list = this.positions[slot] as number[];
        if (list.length === 0) touched.push(slot);
        if (list[list.length - 1] !== at) list.push(at);
      }
    };
    for (let at = 0; at < words.length; at++) {
      const word = words[at] as string;
      if (word.length < HEAD) {
        const slots = this.short.get(word);
        if (slots) note(slots, at);
        continue;
      }
      let node = this.heads.get(word.slice(0, HEAD));
      if (node) note(node.prefix, at);
      for (let c = HEAD; c < word.length && node; c++) {
        node = node.next.get(word[c] as string);
        if (node) note(node.prefix, at);
      }
      if (node) note(node.exact, at);
    }
    const checked = new Set<number>();
    for (const slot of touched) {
      const index = this.ruleOfSlot[slot] as number;
      if (checked.has(index)) continue;
      checked.add(index);
      const rule = this.rules[index] as CompiledRule<T>;
      if (found.has(rule.value)) continue;
      const groups = rule.slots.map((s) => this.positions[s] as number[]);
      const ok = accept ? (positions: readonly number[]) => accept(rule.value, positions) : undefined;
      if (groups.every((g) => g.length > 0) && closeTogether(groups, rule, ok)) found.add(rule.value);
    }
    for (const slot of touched) (this.positions[slot] as number[]).length = 0;
  }

  private add(stem: string, slot: number): void {
    const whole = stem.startsWith('=');
    const folded = foldText(whole ? stem.slice(1) : stem);
    if (folded.length === 0 || folded.includes(' ')) throw new Error(`"${stem}" is not one word`);
    if (folded.length < HEAD) {
      if (!whole)
        throw new Error(`"${stem}" is too short to match word starts; write "=${stem}" for the whole word`);
      const slots = this.short.get(folded);
      if (slots) slots.push(slot);
      else this.short.set(folded, [slot]);
      return;
    }
    const head = folded.slice(0, HEAD);
    let node = this.heads.get(head);
    if (!node) {
      node = newNode();
      this.heads.set(head, node);
    }
    for (const ch of folded.slice(HEAD)) {
      let child: TrieNode | undefined = node.next.get(ch);
      if (!child) {
        child = newNode();
        node.next.set(ch, child);
      }
      node = child;
    }
    (whole ? node.exact : node.prefix).push(slot);
  }
}

/**
 * True when one position of each list, all different (and rising when `inOrder`), fit within `window` words, and
 * `accept` (when given) agrees to them.
 */
function closeTogether(
  groups: readonly number[][],
  { window, inOrder }: CompiledRule<unknown>,
  accept?: (positions: readonly number[]) => boolean,
): boolean {
  const used: number[] = [];
  const pick = (g: number, lo: number, hi: number): boolean => {
    if (g === groups.length) return !accept || accept([...used].sort((a, b) => a - b));
    for (const p of groups[g] as number[]) {
      if (used.includes(p) || (inOrder && p <= hi)) continue;
      const nlo = Math.min(lo, p);
      const nhi = Math.max(hi, p);
      if (nhi - nlo >= window) continue;
      used.push(p);
      const ok = pick(g + 1, nlo, nhi);
      used.pop();
      if (ok) return true;
    }
    return false;
  };
  return pick(0, Infinity, -Infinity);
}
