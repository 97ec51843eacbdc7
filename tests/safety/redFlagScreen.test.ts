import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RedFlagKind, type RedFlagsFile, redFlagsFileSchema } from '../../src/content/redFlagsSchema';
import { RedFlagScreen } from '../../src/safety/redFlagScreen';

const root = join(__dirname, '..', '..');
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(root, file), 'utf8'));

/** A batch of messages from tests/safety/red-flag-batches.json. */
interface Batch {
  id: string;
  role: 'held-out' | 'development';
  firstLook?: string;
  emergencies: Array<{ text: string; flag: string }>;
  benign: string[];
}

const content = redFlagsFileSchema.parse(readJson('dialogs/red-flags.json'));
const screen = new RedFlagScreen(content);
const batches = (readJson('tests/safety/red-flag-batches.json') as { batches: Batch[] }).batches;
const percent = (n: number, of: number) => `${n}/${of} (${((100 * n) / of).toFixed(1)}%)`;

/** True when the text is sent to 112 (an emergency, or self-harm with the crisis line). */
const sendsTo112 = (text: string) => {
  const kind = screen.check(text)?.kind;
  return kind === RedFlagKind.Emergency || kind === RedFlagKind.SelfHarm;
};

/** Share of emergencies sent to 112, and of self-harm messages answered as self-harm. */
function recall(list: Batch['emergencies']) {
  const caught = list.filter((e) => sendsTo112(e.text));
  const selfHarm = list.filter((e) => e.flag === 'self-harm');
  const asSelfHarm = selfHarm.filter((e) => screen.check(e.text)?.kind === RedFlagKind.SelfHarm);
  return {
    caught: caught.length,
    rate: caught.length / list.length,
    selfHarm: selfHarm.length,
    asSelfHarm: asSelfHarm.length,
    missed: list.filter((e) => !caught.includes(e)).map((e) => `${e.flag}: ${e.text}`),
  };
}

/** A one-flag file for testing how rules match. */
function screenWith(flag: Partial<RedFlagsFile['flags'][number]>, extra: Partial<RedFlagsFile> = {}) {
  return new RedFlagScreen(
    redFlagsFileSchema.parse({
      ...extra,
      flags: [
        {
          id: 'test-flag',
          kind: 'emergency',
          source: 'test',
          phrases: { en: [], it: [] },
          ...flag,
        },
      ],
    }),
  );
}

describe('the red-flag screen on emergencies worded as people write them', () => {
  const heldOut = batches.filter((b) => b.role === 'held-out');

  /**
   * The brief's target is 90%. Measured at first look on every new batch, the screen caught 78–95% (84.5% pooled);
   * the two batches kept held out caught 81.7% (25/30 and 24/30). The floor guards that level; raise it when a new
   * held-out batch, measured before any rule change, shows more.
   */
  const HELD_OUT_FLOOR = 0.8;

  test('the held-out batches (never used to write rules) are caught at least 80% of the time overall (target 90%)', () => {
    const all = heldOut.flatMap((b) => b.emergencies);
    const r = recall(all);
    const perBatch = heldOut.map(
      (b) => `${b.id} ${percent(recall(b.emergencies).caught, b.emergencies.length)}`,
    );
    console.log(
      `Red-flag recall on held-out batches: ${percent(r.caught, all.length)} [${perBatch.join('; ')}]` +
        (r.missed.length ? `\n  missed:\n  ${r.missed.join('\n  ')}` : ''),
    );
    expect(heldOut.length).toBeGreaterThanOrEqual(2);
    expect(r.rate).toBeGreaterThanOrEqual(HELD_OUT_FLOOR);
  });

  test.each(
    batches.filter((b) => b.role === 'development' && b.emergencies.length > 0).map((b) => [b.id, b]),
  )('development batch %s is still caught at least 95% of the time', (_id, b) => {
    const r = recall(b.emergencies);
    expect({ id: b.id, rate: r.rate >= 0.95, missed: r.missed }).toEqual({
      id: b.id,
      rate: true,
      missed: expect.any(Array),
    });
  });

  test('self-harm messages are answered as self-harm (with the crisis line) at least 90% of the time', () => {
    const all = batches.flatMap((b) => b.emergencies);
    const r = recall(all);
    console.log(`Self-harm messages answered as self-harm: ${percent(r.asSelfHarm, r.selfHarm)}`);
    expect(r.asSelfHarm / r.selfHarm).toBeGreaterThanOrEqual(0.9);
  });
});

describe('when invisible characters are typed or pasted inside the words', () => {
  /** Zero-width space, soft hyphen, zero-width joiner, word joiner and a byte-order mark. */
  const INVISIBLE = ['\u200b', '\u00ad', '\u200d', '\u2060', '\ufeff'];
  /** The text with one invisible character inside every word of four letters or more. */
  const hide = (text: string, mark: string) =>
    text.replace(/\p{L}{4,}/gu, (w) => `${w.slice(0, 2)}${mark}${w.slice(2)}`);
  const heldOut = batches.filter((b) => b.role === 'held-out').flatMap((b) => b.emergencies);

  test.each(INVISIBLE.map((c) => [`U+${c.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`, c]))(
    'the held-out emergencies get the same flag with %s inside their words',
    (_name, mark) => {
      const differ = heldOut.filter(
        (e) => screen.check(hide(e.text, mark))?.kind !== screen.check(e.text)?.kind,
      );
      expect(differ.map((e) => e.text)).toEqual([]);
    },
  );

  test('fullwidth letters are read as plain ones', () => {
    expect(screen.check('I can\u2019t ｂｒｅａｔｈｅ')?.kind).toBe(screen.check("I can't breathe")?.kind);
    expect(screen.check("I can't breathe")).toBeDefined();
  });
});

describe('the red-flag screen on ordinary questions', () => {
  /**
   * Messages that raise an alarm (112, the crisis line or a same-day call). A supportive word for low mood is not
   * an alarm: the conversation goes on after it (and several of these questions are written by worried people).
   */
  const fired = (texts: string[]) =>
    texts.filter((t) => {
      const kind = screen.check(t)?.kind;
      return kind !== undefined && kind !== RedFlagKind.LowMood;
    });

  test("the knowledge base's own question phrasings (en/it question and alternates): at most 1% fire", () => {
    const texts: string[] = [];
    for (const file of readdirSync(join(root, 'knowledge', 'entries'))) {
      const { entries } = readJson(join('knowledge', 'entries', file)) as {
        entries: Array<Record<'en' | 'it', { question: string; alternates: string[] }>>;
      };
      for (const e of entries)
        for (const l of ['en', 'it'] as const) texts.push(e[l].question, ...e[l].alternates);
    }
    const f = fired(texts);
    console.log(
      `Knowledge-base phrasings raising a red flag: ${percent(f.length, texts.length)} ${f.join(' | ')}`,
    );
    expect(texts.length).toBeGreaterThan(500);
    expect(f.length / texts.length).toBeLessThanOrEqual(0.01);
  });

  test('the matcher evaluation set (tests/knowledge/evaluation-set.json): at most 1% fire', () => {
    const set = readJson('tests/knowledge/evaluation-set.json') as {
      questions: Array<{ text: string; expected: string }>;
      outOfScope: Array<{ text: string }>;
    };
    const texts = [
      ...set.questions.filter((q) => q.expected !== 'emergency-what-to-do').map((q) => q.text),
      ...set.outOfScope.map((q) => q.text),
    ];
    const f = fired(texts);
    console.log(
      `Evaluation-set questions raising a red flag: ${percent(f.length, texts.length)} ${f.join(' | ')}`,
    );
    expect(f.length / texts.length).toBeLessThanOrEqual(0.01);
  });

  test('the evaluation-set messages that describe an emergency are all caught', () => {
    const set = readJson('tests/knowledge/evaluation-set.json') as {
      questions: Array<{ text: string; expected: string }>;
    };
    const described = ['my father has a high fever and cant breathe what do i do', 'mia madre e svenuta'];
    for (const text of described) expect(set.questions.some((q) => q.text === text)).toBe(true);
    expect(described.filter((t) => !sendsTo112(t))).toEqual([]);
  });

  test('ordinary questions written next to the emergency batches: at most 5% fire', () => {
    const texts = batches.filter((b) => b.id !== 'near-misses').flatMap((b) => b.benign);
    const f = fired(texts);
    console.log(`Ordinary questions raising a red flag: ${percent(f.length, texts.length)} ${f.join(' | ')}`);
    expect(texts.length).toBeGreaterThan(150);
    expect(f.length / texts.length).toBeLessThanOrEqual(0.05);
  });

  test('near misses (idioms, chest-wall lumps, ages next to chemo): at most 15% fire', () => {
    const texts = batches.find((b) => b.id === 'near-misses')?.benign ?? [];
    const f = fired(texts);
    console.log(`Near misses raising a red flag: ${percent(f.length, texts.length)} ${f.join(' | ')}`);
    expect(texts.length).toBeGreaterThan(100);
    expect(f.length / texts.length).toBeLessThanOrEqual(0.15);
  });

  test.each([
    'can a sarcoma cause bleeding?',
    'what is radiotherapy for breathing problems?',
    "cos'è la compressione midollare?",
    'what is neutropenic sepsis',
    'il neo sanguina un po quando lo gratto',
    'the waiting is killing me',
    'questa attesa mi sta uccidendo',
    'I have a lump in my thigh that does not hurt',
    "I can't speak Italian",
    'do I need to stop blood thinners before surgery',
  ])('"%s" raises no flag', (text) => {
    expect(screen.check(text)).toBeUndefined();
  });
});

describe('when a general question is about a real person or about now', () => {
  test.each([
    ['what is happening, my dad cannot breathe', 'breathing-difficulty'],
    ["cos'è? mia madre non riesce a respirare", 'breathing-difficulty'],
    ['what is a fever of 39 on chemo', 'neutropenic-sepsis'],
    ['what is the number to call, he is bleeding a lot', 'heavy-bleeding'],
    ['what is the point of living', 'self-harm'],
  ])('"%s" still raises %s', (text, id) => {
    expect(screen.check(text)?.id).toBe(id);
  });
});

describe('how concept rules match', () => {
  const bleeding = screenWith({
    concepts: {
      en: [
        [
          ['bleed', 'blood'],
          ['lot', 'heavy', 'stop'],
        ],
      ],
      it: [[['sangu'], ['tanto', 'ferma']]],
    },
  });

  test('a word of every group within six words raises the flag', () => {
    expect(bleeding.check('the wound is bleeding and will not stop')?.id).toBe('test-flag');
    expect(bleeding.check('perde tanto sangue dal drenaggio')?.id).toBe('test-flag');
  });

  test('words farther apart than the window do not', () => {
    expect(bleeding.check('blood one two three four five six stop')).toBeUndefined();
    expect(bleeding.check('blood one two three four stop')?.id).toBe('test-flag');
  });

  test('a group may not be filled twice by the same word', () => {
    const same = screenWith({ concepts: { en: [[['bleed'], ['bleed']]], it: [] } });
    expect(same.check('bleeding')).toBeUndefined();
    expect(same.check('bleeding and bleeding')?.id).toBe('test-flag');
  });

  test('word starts match longer words; "=" matches the whole word only', () => {
    const fit = screenWith({ concepts: { en: [[['=fit'], ['having']]], it: [[['sangu'], ['ferma']]] } });
    expect(fit.check('sanguinamento che non si ferma')?.id).toBe('test-flag');
    expect(fit.check('he is having a fit')?.id).toBe('test-flag');
    expect(fit.check('he is having fitness training')).toBeUndefined();
  });

  test('accents and capitals do not matter, in the message or in the rule', () => {
    const accents = screenWith({ concepts: { en: [], it: [[['pipì'], ['più']]] } });
    expect(accents.check('NON FACCIO PIU LA PIPI')?.id).toBe('test-flag');
    expect(accents.check('non faccio più la pipì')?.id).toBe('test-flag');
  });

  test('a rule may set its own window, and may require its words in order', () => {
    const ordered = screenWith({
      concepts: { en: [{ groups: [['going'], ['end'], ['=it']], window: 5, inOrder: true }], it: [] },
    });
    expect(ordered.check("I'm going to end it")?.id).toBe('test-flag');
    expect(ordered.check('is it going to end')).toBeUndefined();
  });

  test('a word start shorter than three letters is refused by the schema', () => {
    expect(() => screenWith({ concepts: { en: [[['ti'], ['bleed']]], it: [] } })).toThrow(/word start/);
  });
});

describe('which flag answers', () => {
  test('self-harm wins over an emergency in the same message', () => {
    const hit = screen.check("I'm bleeding a lot from the wound and I want to kill myself");
    expect(hit).toEqual({ id: 'self-harm', kind: RedFlagKind.SelfHarm });
  });

  test('self-harm found only by a concept rule still wins', () => {
    expect(screen.check('I have my pills stashed away, and my chest hurts')?.kind).toBe(RedFlagKind.SelfHarm);
  });

  test.each([
    ['my husband is struggling to breathe and his lips are grey', 'breathing-difficulty'],
    ['mio marito fa fatica a respirare e ha le labbra grigie', 'breathing-difficulty'],
    ['there is a pool of blood under his leg', 'heavy-bleeding'],
    ["c'è una pozza di sangue sotto la gamba", 'heavy-bleeding'],
    ['fever of 38.5 five days after chemo', 'neutropenic-sepsis'],
    ['febbre a 38,5 cinque giorni dopo la chemio', 'neutropenic-sepsis'],
  ])('"%s" raises %s in either language', (text, id) => {
    expect(screen.check(text)?.id).toBe(id);
  });

  test('a language switch mid-message is still caught', () => {
    expect(screen.check('my dad has a sarcoma e adesso non riesce più a respirare')?.id).toBe(
      'breathing-difficulty',
    );
  });

  test('an empty or punctuation-only message raises nothing', () => {
    expect(screen.check('')).toBeUndefined();
    expect(screen.check('?!… ')).toBeUndefined();
  });
});

describe('the red-flags content', () => {
  test('every flag has concept rules in both languages', () => {
    const missing = content.flags.filter(
      (f) => !f.concepts || f.concepts.en.length === 0 || f.concepts.it.length === 0,
    );
    expect(missing.map((f) => f.id)).toEqual([]);
  });
});
