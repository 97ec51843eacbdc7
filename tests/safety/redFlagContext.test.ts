import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  HoldBack,
  RedFlagKind,
  type RedFlagsFile,
  redFlagsFileSchema,
} from '../../src/content/redFlagsSchema';
import { RedFlagScreen } from '../../src/safety/redFlagScreen';

const root = join(__dirname, '..', '..');
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(root, file), 'utf8'));

/** The development examples (tests/safety/red-flag-context.json). */
const examples = readJson('tests/safety/red-flag-context.json') as {
  silent: string[];
  fires: Array<{ text: string; kind: RedFlagKind }>;
};
const content = redFlagsFileSchema.parse(readJson('dialogs/red-flags.json'));
const screen = new RedFlagScreen(content);

/** A screen with one flag and the given context words (the real ones unless replaced). */
function screenWith(flag: Partial<RedFlagsFile['flags'][number]>, context = content.context) {
  return new RedFlagScreen(
    redFlagsFileSchema.parse({
      context,
      flags: [{ id: 'test-flag', kind: 'emergency', source: 'test', phrases: { en: [], it: [] }, ...flag }],
    }),
  );
}

describe('when a symptom is denied, told of as long past, or over (development examples, en and it)', () => {
  test.each(examples.silent.map((t) => [t]))('"%s" raises nothing', (text) => {
    expect(screen.check(text)).toBeUndefined();
  });

  test('without the context words, most of those messages would raise a flag (the context is what holds them back)', () => {
    const bare = new RedFlagScreen({ ...content, context: undefined });
    const raised = examples.silent.filter((t) => bare.check(t) !== undefined);
    expect(raised.length).toBeGreaterThanOrEqual(examples.silent.length / 2);
  });
});

describe('when a message holds a current symptom next to a denied or past one', () => {
  test.each(examples.fires.map((e) => [e.text, e.kind]))('"%s" is answered as %s', (text, kind) => {
    expect(screen.check(text)?.kind).toBe(kind);
  });
});

describe('how denial is read', () => {
  const chestPain = screenWith({ phrases: { en: ['chest pain'], it: ['dolore al petto'] } });

  test('a negator right before the symptom, or with only filler words between, denies it', () => {
    expect(chestPain.check('no chest pain')).toBeUndefined();
    expect(chestPain.check("I haven't had any real chest pain")).toBeUndefined();
    expect(chestPain.check('non ho mai avuto dolore al petto')).toBeUndefined();
  });

  test('any other word between ends the denial', () => {
    expect(chestPain.check("I don't know what to do, chest pain since an hour")).toBeDefined();
    expect(chestPain.check("he doesn't want to eat, chest pain")).toBeDefined();
    expect(chestPain.check("I don't understand why I have chest pain")).toBeDefined();
  });

  test('a contrast word starts a new clause: the denial stays before it', () => {
    expect(chestPain.check('no fever but chest pain')).toBeDefined();
    expect(chestPain.check('niente febbre però dolore al petto')).toBeDefined();
  });

  test('a negator that is part of the symptom denies nothing', () => {
    const breathing = screenWith({ phrases: { en: ["can't breathe"], it: ['non riesce a respirare'] } });
    expect(breathing.check("I can't breathe")).toBeDefined();
    expect(breathing.check('mio padre non riesce a respirare')).toBeDefined();
    const bleeding = screenWith({
      phrases: { en: [], it: [] },
      concepts: { en: [[['bleed'], ['stop']]], it: [[['sangu'], ['ferm']]] },
    });
    expect(bleeding.check("the bleeding doesn't stop")).toBeDefined();
    expect(bleeding.check('il sangue non si ferma')).toBeDefined();
  });
});

describe('how time is read', () => {
  const fever = screenWith({ phrases: { en: ['fever'], it: ['febbre'] } });

  test('a long-past marker in the clause holds it back, unless the clause also says now', () => {
    expect(fever.check('I had a fever years ago')).toBeUndefined();
    expect(fever.check('years ago I had chemo and now I have a fever')).toBeDefined();
    expect(fever.check("l'anno scorso ho avuto la febbre")).toBeUndefined();
    expect(fever.check("l'anno scorso la chemio, e oggi ho la febbre")).toBeDefined();
  });

  test('"over" holds a flag back only where the content allows it', () => {
    expect(fever.check('I had a fever, it went away')).toBeDefined();
    const resolvable = screenWith({
      phrases: { en: ['fever'], it: ['febbre'] },
      heldBackWhen: [HoldBack.Negated, HoldBack.Past, HoldBack.Resolved],
    });
    expect(resolvable.check('I had a fever, it went away')).toBeUndefined();
    expect(resolvable.check('la febbre è passata')).toBeUndefined();
    expect(resolvable.check('the fever went away, but now it is back')).toBeDefined();
    expect(resolvable.check("the fever hasn't gone away")).toBeDefined();
  });

  test('"over" is said of the symptom just before it, not of another one', () => {
    const both = screenWith({
      phrases: { en: ['fever', 'chest pain'], it: [] },
      heldBackWhen: [HoldBack.Negated, HoldBack.Past, HoldBack.Resolved],
    });
    expect(both.check('chest pain, the fever has gone')).toBeDefined();
  });
});

describe('which kind answers', () => {
  test('self-harm is never held back, whatever the wording around it', () => {
    expect(screen.check("I'm not going to kill myself, but I think about it")?.kind).toBe(
      RedFlagKind.SelfHarm,
    );
    expect(screen.check('last year I wanted to kill myself')?.kind).toBe(RedFlagKind.SelfHarm);
  });

  test('an emergency wins over an urgent call, and an urgent call over low mood', () => {
    expect(screen.check("I'm so scared, I have spine mets and my legs are numb")?.kind).toBe(
      RedFlagKind.Emergency,
    );
    expect(screen.check("I'm so scared, I have spine mets and my back pain is much worse")?.kind).toBe(
      RedFlagKind.Urgent,
    );
  });

  test('a short general question about a low mood or an urgent sign raises nothing', () => {
    expect(screen.check('what is anxiety?')).toBeUndefined();
    expect(screen.check("cos'è l'ipercalcemia?")).toBeUndefined();
  });
});

describe('when an emergency symptom is told of as days ago and over', () => {
  const breathless = screenWith({ phrases: { en: ['short of breath'], it: ['affanno'] } });

  test.each([
    ["I was short of breath last week but I'm fine now"],
    ['a few days ago I was short of breath'],
    ['la settimana scorsa avevo affanno, ora sto bene'],
    ['qualche giorno fa ho avuto affanno'],
  ])('"%s" gets a same-day check (urgent, marked recent), not 112 and not nothing', (text) => {
    expect(breathless.check(text)).toEqual({ id: 'test-flag', kind: RedFlagKind.Urgent, recent: true });
  });

  test.each([
    ["I've been short of breath since last week"],
    ['I have been short of breath for a few days'],
    ['ho affanno da una settimana'],
    ['affanno dalla settimana scorsa e adesso peggio'],
  ])('an ongoing symptom ("%s") is still an emergency', (text) => {
    expect(breathless.check(text)?.kind).toBe(RedFlagKind.Emergency);
  });

  test('a recent episode next to a current one is an emergency', () => {
    expect(breathless.check('I was short of breath last week and now I am short of breath again')?.kind).toBe(
      RedFlagKind.Emergency,
    );
  });

  test('without recent-past words in the content, the days-ago episode is an emergency as before', () => {
    const bare = screenWith(
      { phrases: { en: ['short of breath'], it: ['affanno'] } },
      { ...content.context!, recent: undefined },
    );
    expect(bare.check('I was short of breath last week')?.kind).toBe(RedFlagKind.Emergency);
  });

  test('self-harm told of as days ago is still answered with the crisis line', () => {
    expect(screen.check('last week I wanted to kill myself')?.kind).toBe(RedFlagKind.SelfHarm);
  });
});

describe('idioms whose words never tell of a symptom', () => {
  const bleeding = screenWith({
    phrases: { en: [], it: [] },
    concepts: {
      it: [
        [
          ['sangu', 'sanguin'],
          ['tanto', 'molto'],
        ],
      ],
      en: [],
    },
  });

  test('"ogni tanto" (now and then) is not "tanto" (a lot)', () => {
    expect(bleeding.check('il neo ogni tanto sanguina un po')).toBeUndefined();
    expect(bleeding.check('di tanto in tanto sanguina')).toBeUndefined();
  });

  test('a denial whose words would read as a symptom ("no problems with my bladder") raises nothing', () => {
    expect(screen.check('no problems with my bladder or bowels, legs are ok')).toBeUndefined();
    expect(screen.check('nessun problema con la vescica, le gambe vanno bene')).toBeUndefined();
    expect(screen.check("no problems with my bladder but I can't pee")?.kind).toBe(RedFlagKind.Emergency);
  });

  test('"a lot" still raises the flag', () => {
    expect(bleeding.check('sanguina tanto')?.kind).toBe(RedFlagKind.Emergency);
    expect(bleeding.check('ogni tanto sanguina, oggi sanguina tanto')?.kind).toBe(RedFlagKind.Emergency);
  });
});

describe('whose words a loss of function is said of', () => {
  test.each([
    ["I have a hard lump in my groin that doesn't move"],
    ["nodulo duro all'inguine che non si muove"],
    ['sento un rigonfiamento sul gluteo'],
  ])('a lump that does not move, or one that is felt, is not cord compression: "%s"', (text) => {
    expect(screen.check(text)).toBeUndefined();
  });

  test.each([
    ["I can't move my legs"],
    ["he can't feel his bladder"],
    ['non riesce a muovere le gambe'],
    ['non sento il sedere'],
    ['ho le gambe intorpidite e non sento niente in mezzo alle gambe'],
  ])('legs that cannot move, or a groin or bladder that cannot be felt, is: "%s"', (text) => {
    expect(screen.check(text)?.id).toBe('spinal-cord-compression');
  });
});

describe('a mole, a scab or a spot that bleeds', () => {
  test.each([['my mole bleeds a lot when I touch it'], ['il neo sanguina tanto quando lo gratto']])(
    '"%s" is a sign for the mole questions, not 112',
    (text) => {
      expect(screen.check(text)).toBeUndefined();
    },
  );

  test.each([
    ["my mole is bleeding a lot and won't stop"],
    ['il neo sanguina tanto e non si ferma'],
    ['bleeding a lot from the wound on my leg'],
  ])('bleeding that will not stop, or not from a mole, is still 112: "%s"', (text) => {
    expect(screen.check(text)?.kind).toBe(RedFlagKind.Emergency);
  });
});

describe('denials whose words would otherwise read as a symptom', () => {
  test.each([
    ['no chest pain no breathing problems, just a lump in my thigh'],
    ['no, le gambe non sono deboli e la pipì va bene'],
    ['my legs are not weak and my bladder is ok'],
  ])('"%s" raises nothing', (text) => {
    expect(screen.check(text)).toBeUndefined();
  });

  test.each([
    ["I haven't peed since yesterday"],
    ['he is not able to pee'],
    ['non riesco a fare pipì da ieri'],
  ])('not being able to pass urine still is cord compression: "%s"', (text) => {
    expect(screen.check(text)?.id).toBe('spinal-cord-compression');
  });
});

describe('a denial that runs over a list', () => {
  test.each([
    ['I found a lump on my back, no chest pain or breathing trouble or anything, just the lump'],
    ["I don't have chest pain or difficulty breathing"],
    ['non ho né febbre né affanno'],
    ['non ho febbre o difficoltà a respirare'],
  ])('"%s" denies every item', (text) => {
    expect(screen.check(text)).toBeUndefined();
  });

  test.each([
    ["no fever and I can't breathe"],
    ["no chest pain or anything but he can't breathe"],
    ["I don't know if he has a fever or difficulty breathing"],
    ['non so se ha febbre o difficoltà a respirare'],
  ])('"and", a contrast or a hedge ends it: "%s" is an emergency', (text) => {
    expect(screen.check(text)?.kind).toBe(RedFlagKind.Emergency);
  });
});
