import { message, newConversationId, type RunningApp, startApp, textOf } from '../support/testApp';

/** Says each text in one conversation as one user and returns the text of the last replies. */
async function say(
  bot: RunningApp,
  conversationId: string,
  user: string,
  ...texts: string[]
): Promise<string> {
  let last = '';
  for (const text of texts) {
    const { activities } = await bot.send(
      message(text, { conversationId, locale: 'en-US', from: { id: user, name: user } }),
    );
    last = textOf(activities);
  }
  return last;
}

const WHO = 'Are you asking for yourself or for someone else?';

describe('what a person said is kept for the conversation', () => {
  let bot: RunningApp;
  beforeAll(async () => {
    bot = await startApp();
  });
  afterAll(async () => {
    await bot.stop();
  });

  describe('when a question was already answered in an earlier pathway', () => {
    test('the next pathway does not ask it again, and says what it took', async () => {
      const conversation = newConversationId();
      await say(
        bot,
        conversation,
        'ada',
        'I received a tumour diagnosis',
        'For a relative or friend',
        'Not sure',
      );
      const next = await say(bot, conversation, 'ada', 'I discovered I have a metastasis');
      expect(next).not.toMatch(new RegExp(`${WHO}$`));
      expect(next).toContain('already noted');
      expect(next).toContain(`${WHO} — For a relative or friend`);
      expect(next).toContain('does the person you are writing for have new');
    });

    test('a hedge is not kept: the question is asked again next time', async () => {
      const conversation = newConversationId();
      await say(bot, conversation, 'ben', 'I have a suspicious mole', 'not sure');
      const again = await say(bot, conversation, 'ben', 'I have a suspicious mole');
      expect(again).toContain('Is the mole bleeding');
      expect(again).not.toContain('already noted');
    });
  });

  describe('when a message opens a pathway', () => {
    test("a relative's opening sets the third person from the first question", async () => {
      const text = await say(bot, newConversationId(), 'cai', 'my dad was just diagnosed with liposarcoma');
      expect(text).toContain('For a relative or friend');
      expect(text).toContain('does the person you are writing for have new');
    });

    test('a bare yes or a hedge in it answers nothing', async () => {
      const text = await say(bot, newConversationId(), 'dan', "I don't know, I received a tumour diagnosis");
      expect(text).not.toContain('already noted');
    });
  });

  describe('when two people write in the same conversation (a Teams group chat)', () => {
    test("one person's answers are never taken for the other's", async () => {
      const conversation = newConversationId();
      await say(
        bot,
        conversation,
        'eva',
        'I received a tumour diagnosis',
        'For a relative or friend',
        'Not sure',
      );
      const other = await say(bot, conversation, 'finn', 'I discovered I have a metastasis');
      expect(other).toContain(WHO);
      expect(other).not.toContain('already noted');
    });
  });

  describe('when the person starts over', () => {
    test('what they said is forgotten', async () => {
      const conversation = newConversationId();
      await say(
        bot,
        conversation,
        'gia',
        'I received a tumour diagnosis',
        'For a relative or friend',
        'Not sure',
      );
      await say(bot, conversation, 'gia', 'start over');
      const fresh = await say(bot, conversation, 'gia', 'I discovered I have a metastasis');
      expect(fresh).toContain(WHO);
      expect(fresh).not.toContain('already noted');
    });
  });
});
