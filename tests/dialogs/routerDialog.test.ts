import { message, type ReplyActivity, type RunningApp, startApp } from '../support/testApp';

/** What the bot did with the question, as channelData.triage says it. */
function outcomeOf(activities: readonly ReplyActivity[]): {
  outcome?: string;
  entry?: string;
  pathway?: string;
} {
  for (const a of activities) {
    const triage = (a.channelData as { triage?: { outcome?: string } } | undefined)?.triage;
    if (triage?.outcome) return triage;
  }
  return {};
}

describe('the router, on the first free-text message of a conversation', () => {
  let bot: RunningApp;
  beforeAll(async () => {
    bot = await startApp();
  });
  afterAll(async () => {
    await bot.stop();
  });
  const ask = async (text: string, locale: string) =>
    outcomeOf((await bot.send(message(text, { locale }))).activities);

  describe('when it is a general question, however it is typed', () => {
    test.each([
      ['cosè un sarcoma', 'it-IT'],
      ['cose un sarcoma?', 'it-IT'],
      ['ciao!! che cos è un sarcoma', 'it-IT'],
      ['hi there, what is a sarcoma?', 'en-US'],
      ['what exactly is a soft tissue sarcoma', 'en-US'],
    ])('"%s" is answered, never triaged', async (text, locale) => {
      const got = await ask(text, locale);
      expect(got.outcome).toBe('answered');
      expect(got.entry).toBe('what-is-soft-tissue-sarcoma');
    });
  });

  describe("when someone tells their own or a relative's situation", () => {
    test.each([
      ['my mum has bone metastases', 'en-US', 'metastasis'],
      ['a mio padre hanno trovato una metastasi al fegato', 'it-IT', 'metastasis'],
      ['my husband has a lump in his arm that is getting bigger', 'en-US', 'lump-or-swelling'],
      ['ho un bozzo sulla gamba che si ingrandisce', 'it-IT', 'lump-or-swelling'],
      ['I found a lump in my thigh that keeps growing', 'en-US', 'lump-or-swelling'],
    ])('"%s" opens the guided pathway', async (text, locale, pathway) => {
      const got = await ask(text, locale);
      expect(got).toMatchObject({ outcome: 'pathway', pathway });
    });
  });

  describe("when a long story in the person's own words names a door", () => {
    test.each([
      [
        "there's a bump on my back, my wife says it's got bigger since the spring, what should I do?",
        'en-US',
        'lump-or-swelling',
      ],
      [
        'mia sorella ha un tumore che si è diffuso alle ossa e non sappiamo a chi rivolgerci',
        'it-IT',
        'metastasis',
      ],
      [
        'a mio marito hanno fatto la biopsia e dicono leiomiosarcoma, vorremmo farlo seguire da voi',
        'it-IT',
        'tumour-diagnosis',
      ],
    ])('"%s" opens that door', async (text, locale, pathway) => {
      expect(await ask(text, locale)).toMatchObject({ outcome: 'pathway', pathway });
    });

    test.each([
      ['my wife was told she has a desmoid, why is it called that?', 'en-US'],
      ['a mio padre hanno trovato un desmoide, perché si chiama così?', 'it-IT'],
    ])('a relative asking what something is ("%s") is not triaged', async (text, locale) => {
      expect((await ask(text, locale)).outcome).not.toBe('pathway');
    });
  });

  describe('when someone asks about their own lump or mole and nothing in the knowledge base answers it', () => {
    test.each([
      [
        'pallina dura sotto la pelle del polpaccio da qualche mese, la visitate voi?',
        'it-IT',
        'lump-or-swelling',
      ],
      ['got this bump on my shin for ages now, do you guys check these?', 'en-US', 'lump-or-swelling'],
      ['ho una macchia scura sulla schiena che prima non avevo, è brutta?', 'it-IT', 'suspicious-mole'],
      ['theres a dark spot on my arm that itches, is it bad?', 'en-US', 'suspicious-mole'],
    ])('"%s" opens the guided questions instead of a refusal', async (text, locale, pathway) => {
      expect(await ask(text, locale)).toMatchObject({ outcome: 'pathway', pathway });
    });

    test.each([
      ['what is a lipoma?', 'en-US'],
      ["cos'è un neo displastico?", 'it-IT'],
    ])('a general question about lumps or moles ("%s") is not triaged', async (text, locale) => {
      expect((await ask(text, locale)).outcome).not.toBe('pathway');
    });
  });

  describe('when the question has one plausible answer and no rival near it', () => {
    test.each([
      ['hadron therapy availble?', 'en-US', 'proton-and-carbon-ion-therapy'],
      ['gist laparoscopic vs open', 'en-US', 'gist'],
    ])('"%s" is answered rather than offered as a one-choice "did you mean"', async (text, locale, entry) => {
      const got = await ask(text, locale);
      expect(got).toMatchObject({ outcome: 'answered', entry });
    });
  });
});
