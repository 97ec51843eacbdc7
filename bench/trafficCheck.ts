import type { BenchContent } from './benchContent';
import { messageBody } from './messageBody';
import type { PathwayWalk } from './pathwayWalk';
import type { Utterance } from './utterance';

/** What one pass of the bench's traffic got from the bot, sent one turn at a time before the load. */
export interface TrafficCheck {
  /** The walks that followed their tree to the disposition (with an opener that starts the pathway directly). */
  readonly walks: readonly PathwayWalk[];
  /** Pathway walks tried. */
  readonly tried: number;
  /** Where walks went off script (pathway, language, turn, what was expected). */
  readonly problems: readonly string[];
  /** Evaluation questions whose reply contained the expected entry's answer. */
  readonly questionsAnswered: number;
  /** Evaluation questions sent. */
  readonly questions: number;
}

interface Reply {
  readonly type: string;
  readonly text?: string;
}

/**
 * Checks that the load traffic does what the table claims: the pathway walks really walk the trees (only those
 * that do are used for load), and how many evaluation questions get their entry's answer (the rest get "did you
 * mean" or a refusal).
 */
export async function checkTraffic(baseUrl: string, bench: BenchContent): Promise<TrafficCheck> {
  const problems: string[] = [];
  const walks: PathwayWalk[] = [];
  for (const [w, walk] of bench.walks.entries()) {
    const followed = await followWalk(baseUrl, bench, walk, `check-walk-${process.pid}-${w}`);
    if (typeof followed === 'string') problems.push(followed);
    else walks.push(followed);
  }
  const answers = new Map(bench.content.entries.map((e) => [e.id, e]));
  let questionsAnswered = 0;
  for (const [i, q] of bench.questions.entries()) {
    const entry = answers.get(q.expected);
    const reply = await send(baseUrl, q, `check-question-${process.pid}-${i}`);
    if (entry && reply.includes(entry[q.lang].answer.slice(0, 60))) questionsAnswered += 1;
  }
  return { walks, tried: bench.walks.length, problems, questionsAnswered, questions: bench.questions.length };
}

/**
 * Sends a walk one turn at a time; the opener is the first of the pathway's openers that starts it directly
 * (some get a "did you mean" instead). Returns the walk with that opener, or what went wrong.
 */
async function followWalk(
  baseUrl: string,
  bench: BenchContent,
  walk: PathwayWalk,
  conversation: string,
): Promise<PathwayWalk | string> {
  const openers = bench.content.pathways.find((p) => p.id === walk.pathwayId)?.openers[walk.lang] ?? [];
  const first = walk.expected[0] ?? '';
  let opener: string | undefined;
  for (const [o, text] of [walk.opener, ...openers].entries()) {
    if ((await send(baseUrl, { text, lang: walk.lang }, `${conversation}-o${o}`)).includes(first)) {
      opener = text;
      break;
    }
  }
  if (opener === undefined) return `${walk.pathwayId} (${walk.lang}): no opener starts the pathway directly`;
  const texts = [opener, ...walk.answers];
  for (const [turn, text] of texts.entries()) {
    const reply = await send(baseUrl, { text, lang: walk.lang }, conversation);
    const expected = walk.expected[turn] ?? '';
    if (!reply.includes(expected)) {
      return `${walk.pathwayId} (${walk.lang}) turn ${turn} "${text}": expected "${expected.slice(0, 60)}…", got "${reply.slice(0, 120)}…"`;
    }
  }
  return { ...walk, opener };
}

/** Sends one message and returns the texts of the message replies, joined. */
async function send(baseUrl: string, utterance: Utterance, conversation: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: messageBody(utterance, conversation),
  });
  if (res.status !== 200) return `HTTP ${res.status}: ${await res.text()}`;
  const body = (await res.json()) as { activities?: Reply[] };
  return (body.activities ?? [])
    .filter((a) => a.type === 'message')
    .map((a) => a.text ?? '')
    .join('\n');
}
