import type { AutocannonRequest } from 'autocannon';
import type { BenchContent } from './benchContent';
import { messageBody } from './messageBody';
import type { PathwayWalk } from './pathwayWalk';
import type { Utterance } from './utterance';

/** A kind of traffic: the request sequence each autocannon connection repeats. */
export interface TrafficScenario {
  /** Short name for the results table. */
  readonly name: string;
  /** What one cycle of a connection sends. */
  readonly description: string;
  /** The sequence (bodies are built per send: every cycle has fresh conversation ids). */
  readonly requests: AutocannonRequest[];
}

/** Per-connection state of a cycle (autocannon resets it when the sequence restarts). */
interface CycleContext extends Record<string, unknown> {
  /** Conversation of the running pathway. */
  pathway?: string;
  /** The walk being followed. */
  walk?: PathwayWalk;
  /** Conversation of the last knowledge question (for follow-ups). */
  question?: string;
}

const HEADERS = Object.freeze({ 'content-type': 'application/json' });

/** Hands out conversation ids that are unique across runs against one process. */
class ConversationIds {
  private n = 0;
  private readonly prefix = `bench-${process.pid}-${Date.now().toString(36)}`;

  next(kind: string): string {
    this.n += 1;
    return `${this.prefix}-${kind}-${this.n}`;
  }
}

/** Round-robin over a list, shared by all connections. */
class Rotation<T> {
  private i = 0;
  constructor(private readonly items: readonly T[]) {
    if (items.length === 0) throw new Error('nothing to rotate');
  }

  next(): T {
    const item = this.items[this.i % this.items.length] as T;
    this.i += 1;
    return item;
  }
}

/** Builds one request whose body is computed per send; `undefined` from `say` restarts the sequence. */
function request(
  say: (ctx: CycleContext) => { utterance: Utterance; conversation: string } | undefined,
): AutocannonRequest {
  return {
    method: 'POST',
    path: '/api/messages',
    headers: { ...HEADERS },
    setupRequest: (req, context) => {
      const turn = say(context as CycleContext);
      if (!turn) return undefined;
      return { ...req, body: messageBody(turn.utterance, turn.conversation) };
    },
  };
}

/** The turn builders of one scenario, sharing id and question rotations. */
class Turns {
  private readonly ids = new ConversationIds();
  private readonly questions: Rotation<Utterance>;
  private readonly outOfScope: Rotation<Utterance>;
  private readonly walks: Rotation<PathwayWalk>;

  constructor(bench: BenchContent) {
    this.questions = new Rotation(bench.questions);
    this.outOfScope = new Rotation(bench.outOfScope);
    this.walks = new Rotation(bench.walks);
  }

  /** A knowledge question opening a new conversation. */
  question(): AutocannonRequest {
    return request((ctx) => {
      ctx.question = this.ids.next('q');
      return { utterance: this.questions.next(), conversation: ctx.question };
    });
  }

  /** A second knowledge question in the conversation of the last one. */
  followUp(): AutocannonRequest {
    return request((ctx) => {
      ctx.question ??= this.ids.next('q');
      return { utterance: this.questions.next(), conversation: ctx.question };
    });
  }

  /** A question the knowledge base does not answer, in a new conversation. */
  outOfScopeQuestion(): AutocannonRequest {
    return request(() => ({ utterance: this.outOfScope.next(), conversation: this.ids.next('o') }));
  }

  /** Opens a pathway in a new conversation (turn 0) or answers its question `turn` (1…); past the end, restarts. */
  pathway(turn: number): AutocannonRequest {
    return request((ctx) => {
      if (turn === 0) {
        ctx.walk = this.walks.next();
        ctx.pathway = this.ids.next('p');
      }
      const walk = ctx.walk;
      if (!walk || !ctx.pathway) return undefined;
      const text = turn === 0 ? walk.opener : walk.answers[turn - 1];
      if (text === undefined) return undefined;
      return { utterance: { text, lang: walk.lang }, conversation: ctx.pathway };
    });
  }

  /** Whether the walk of this cycle has a turn `turn`. */
  static has(ctx: CycleContext, turn: number): boolean {
    return ctx.walk !== undefined && turn <= ctx.walk.answers.length;
  }
}

function longest(bench: BenchContent): number {
  return Math.max(...bench.walks.map((w) => w.answers.length));
}

/** Every request a new conversation asking one evaluation-set question (all 459, round-robin). */
export function questionScenario(bench: BenchContent): TrafficScenario {
  const turns = new Turns(bench);
  return {
    name: 'knowledge questions',
    description: `one evaluation-set question per new conversation (${bench.questions.length} questions, en and it, round-robin)`,
    requests: [turns.question()],
  };
}

/** Each connection opens a pathway in a new conversation and answers every question to the disposition, then again. */
export function pathwayScenario(bench: BenchContent): TrafficScenario {
  const turns = new Turns(bench);
  const n = longest(bench);
  const answers = bench.walks.reduce((sum, w) => sum + w.answers.length, 0);
  return {
    name: 'pathway turns',
    description: `opener then every answer to the disposition, ${bench.walks.length} walks (3 pathways × en/it), ${answers} answers per ${bench.walks.length} openers`,
    requests: Array.from({ length: n + 1 }, (_, turn) => turns.pathway(turn)),
  };
}

/**
 * A pathway walk with one other turn before each of its turns: a new question, a follow-up question,
 * an out-of-scope question, a new question, … (about half pathway turns).
 */
export function mixedScenario(bench: BenchContent): TrafficScenario {
  const turns = new Turns(bench);
  const n = longest(bench);
  const others = [
    () => turns.question(),
    () => turns.followUp(),
    () => turns.outOfScopeQuestion(),
    () => turns.question(),
  ];
  const requests: AutocannonRequest[] = [];
  for (let turn = 0; turn <= n; turn += 1) {
    const other = (others[turn % others.length] as () => AutocannonRequest)();
    const setup = other.setupRequest;
    // Past the end of this cycle's walk, restart instead of sending more side questions.
    requests.push({
      ...other,
      setupRequest: (req, ctx) =>
        turn === 0 || Turns.has(ctx as CycleContext, turn) ? setup?.(req, ctx) : undefined,
    });
    requests.push(turns.pathway(turn));
  }
  return {
    name: 'mixed',
    description:
      'each pathway turn preceded by one of: new question, follow-up question, out-of-scope question, new question',
    requests,
  };
}

/** Conversations left open in the middle of a pathway: an opener and its first answer, each in a new conversation. */
export function liveConversationScenario(bench: BenchContent): TrafficScenario {
  const turns = new Turns(bench);
  return {
    name: 'live conversations',
    description: 'opener and first answer in a new conversation, left open',
    requests: [turns.pathway(0), turns.pathway(1)],
  };
}

/** The loads the bench compares the bots under, by the names the bench's command lines take. */
export const LOAD_SCENARIOS: Readonly<Record<string, (bench: BenchContent) => TrafficScenario>> =
  Object.freeze({
    questions: questionScenario,
    pathway: pathwayScenario,
    mixed: mixedScenario,
  });
