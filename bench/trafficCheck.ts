import type { BenchContent } from './benchContent';
import { messageBody } from './messageBody';
import type { Utterance } from './utterance';

/** What one pass of the bench's traffic got from the bot, sent one turn at a time before the load. */
export interface TrafficCheck {
  /** Pathway walks whose every reply said the expected next question or disposition. */
  readonly walksFollowed: number;
  /** Pathway walks tried. */
  readonly walks: number;
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
 * Checks that the load traffic does what the table claims: the pathway walks really walk the trees, and how
 * many evaluation questions get their entry's answer (the rest get "did you mean" or a refusal).
 */
export async function checkTraffic(baseUrl: string, bench: BenchContent): Promise<TrafficCheck> {
  const problems: string[] = [];
  let walksFollowed = 0;
  for (const [w, walk] of bench.walks.entries()) {
    const conversation = `check-walk-${process.pid}-${w}`;
    const texts = [walk.opener, ...walk.answers];
    let ok = true;
    for (const [turn, text] of texts.entries()) {
      const reply = await send(baseUrl, { text, lang: walk.lang }, conversation);
      const expected = walk.expected[turn] ?? '';
      if (!reply.includes(expected)) {
        problems.push(
          `${walk.pathwayId} (${walk.lang}) turn ${turn} "${text}": expected "${expected.slice(0, 60)}…", got "${reply.slice(0, 120)}…"`,
        );
        ok = false;
        break;
      }
    }
    if (ok) walksFollowed += 1;
  }
  const answers = new Map(bench.content.entries.map((e) => [e.id, e]));
  let questionsAnswered = 0;
  for (const [i, q] of bench.questions.entries()) {
    const entry = answers.get(q.expected);
    const reply = await send(baseUrl, q, `check-question-${process.pid}-${i}`);
    if (entry && reply.includes(entry[q.lang].answer.slice(0, 60))) questionsAnswered += 1;
  }
  return {
    walksFollowed,
    walks: bench.walks.length,
    problems,
    questionsAnswered,
    questions: bench.questions.length,
  };
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
