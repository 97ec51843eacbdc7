/** One problem found in a content file: where it is and how to fix it. */
export interface ContentIssue {
  /** Content file, relative to the project root (e.g. `knowledge/entries/about.json`). */
  readonly file: string;
  /** The entry or node inside the file (e.g. `entries[3] (id "liposarcoma")`, `nodes.q-changed`). */
  readonly node: string;
  /** What is wrong. */
  readonly problem: string;
  /** What to do about it. */
  readonly fix: string;
}

/** Formats an issue as one line a curator can act on. */
export function formatContentIssue(issue: ContentIssue): string {
  return `${issue.file} › ${issue.node}: ${issue.problem}. Fix: ${issue.fix}`;
}

/** Thrown at start-up (and in tests) when content is broken; lists every issue found. */
export class ContentError extends Error {
  /** Every problem found, in file order. */
  readonly issues: readonly ContentIssue[];

  constructor(issues: readonly ContentIssue[]) {
    super(
      `Content is broken (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n` +
        issues.map((i) => '  - ' + formatContentIssue(i)).join('\n'),
    );
    this.name = 'ContentError';
    this.issues = issues;
  }
}
