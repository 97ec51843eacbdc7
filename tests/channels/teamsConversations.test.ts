import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cardMark, readCardMark } from '../../src/channels/teamsCardMark';
import { PREVIEW_LENGTH } from '../../src/channels/teamsCards';
import type { Content } from '../../src/content/content';
import { loadContent } from '../../src/content/contentLoader';
import type { Pathway, QuestionNode } from '../../src/content/pathwaySchema';
import { CardClick } from '../../src/dialogs/cardClick';
import { foldText } from '../../src/text/foldText';
import { dispositionOf } from '../support/conversation';
import {
  cardsOf,
  click,
  GIULIA,
  MARCO,
  readTexts,
  TEAMS_BOT,
  type TeamsActivityOptions,
  teamsActivity,
  teamsMessage,
} from '../support/teams';
import { newConversationId, type ReplyActivity, type RunningApp, startApp } from '../support/testApp';

/** Every engine sentence, to assert on what people read without copying it here. */
const MESSAGES: Record<string, { en: string; it: string }> = Object.assign(
  {},
  ...readdirSync(join(__dirname, '../../dialogs/messages')).map(
    (f) =>
      (JSON.parse(readFileSync(join(__dirname, '../../dialogs/messages', f), 'utf8')) as { messages: object })
        .messages,
  ),
);
const en = (key: string) => MESSAGES[key]!.en;
const it = (key: string) => MESSAGES[key]!.it;

type Where = Omit<TeamsActivityOptions, 'extra'>;

describe('Microsoft Teams conversations', () => {
  let bot: RunningApp;
  let content: Content;
  let mole: Pathway;
  let metastasis: Pathway;
  const q = (p: Pathway, id: string) => p.nodes[id] as QuestionNode;

  /** Sends an activity; fails on anything but 200. */
  const send = async (activity: Record<string, unknown>): Promise<ReplyActivity[]> => {
    const { status, activities } = await bot.send(activity);
    expect(status).toBe(200);
    return activities;
  };
  const say = (text: string, where: Where) => send(teamsMessage(text, where));
  const lastCard = (activities: readonly ReplyActivity[]) => cardsOf(activities).at(-1);

  beforeAll(async () => {
    content = await loadContent(join(__dirname, '..', '..'));
    mole = content.pathways.find((p) => p.id === 'suspicious-mole')!;
    metastasis = content.pathways.find((p) => p.id === 'metastasis')!;
    bot = await startApp();
  });
  afterAll(async () => {
    await bot.stop();
  });

  describe('when two members use the bot in one group chat', () => {
    test("one member's answer never advances the other's pathway", async () => {
      const chat = newConversationId();
      const giulia: Where = { conversationId: chat, scope: 'groupChat', from: GIULIA };
      const marco: Where = { conversationId: chat, scope: 'groupChat', from: MARCO };

      expect(readTexts(await say('I have a suspicious mole', giulia))).toContain(
        q(mole, 'q-bleeding').text.en,
      );
      // Marco's "Yes" would have sent Giulia to "urgent call today" when the chat shared one state.
      const marcos = await say('Yes', marco);
      expect(dispositionOf(marcos)).toBeUndefined();
      expect(readTexts(marcos)).not.toContain(q(mole, 'q-lump').text.en);
      // Giulia's pathway is where she left it: her "No" answers the bleeding question.
      expect(readTexts(await say('No', giulia))).toContain(q(mole, 'q-lump').text.en);
    });

    test('each reply @mentions the member it is for, so everyone sees whose question a card is', async () => {
      const chat = newConversationId();
      const giulias = lastCard(
        await say('I have a suspicious mole', { conversationId: chat, scope: 'groupChat', from: GIULIA }),
      );
      const marcos = await say('when is the booking line open?', {
        conversationId: chat,
        scope: 'groupChat',
        from: MARCO,
      });
      expect(giulias?.body[0]?.text).toMatch(new RegExp(`^<at>${GIULIA.name}</at> `));
      expect(giulias).toMatchObject({
        msteams: {
          entities: [{ type: 'mention', text: `<at>${GIULIA.name}</at>`, mentioned: { id: GIULIA.id } }],
        },
      });
      expect(readTexts(marcos)).toMatch(new RegExp(`^<at>${MARCO.name}</at> `));
      expect(readTexts(marcos)).not.toContain(GIULIA.name);
    });

    test('"forget me" deletes only the member who asked', async () => {
      const chat = newConversationId();
      const giulia: Where = { conversationId: chat, scope: 'groupChat', from: GIULIA };
      const marco: Where = { conversationId: chat, scope: 'groupChat', from: MARCO };
      await say('I discovered I have a metastasis', giulia);
      expect(readTexts(await say('I have a suspicious mole', marco))).toContain(
        q(mole, 'q-bleeding').text.en,
      );

      expect(readTexts(await say('forget me', marco))).toContain(en('forget.doneShared'));
      expect(readTexts(await say('For me', giulia))).toContain(q(metastasis, 'q-worse').text.en);
      const after = await say('No', marco);
      expect(readTexts(after)).not.toContain(q(mole, 'q-lump').text.en);
    });

    test("a click on another member's card never answers one's own question", async () => {
      const chat = newConversationId();
      const giulia: Where = { conversationId: chat, scope: 'groupChat', from: GIULIA };
      const marco: Where = { conversationId: chat, scope: 'groupChat', from: MARCO };
      const giuliasCard = lastCard(await say('I have a suspicious mole', giulia));
      await say('I have a suspicious mole', marco);

      // Marco clicks "Yes" on Giulia's card: the same label as his own question's, but not his card.
      const clicked = await send(click(giuliasCard, 'Yes', marco));
      expect(dispositionOf(clicked)).toBeUndefined();
      expect(readTexts(clicked)).toContain(en('click.stale'));
      expect(readTexts(clicked)).toContain(q(mole, 'q-bleeding').text.en);
      // Giulia's own click on her card is her answer.
      expect(readTexts(await send(click(giuliasCard, 'No', giulia)))).toContain(q(mole, 'q-lump').text.en);
    });

    test('the bot added to the chat introduces itself once, with no welcome and no buttons; members joining later get nothing', async () => {
      const chat = newConversationId();
      const where: Where = { conversationId: chat, scope: 'groupChat', from: GIULIA, locale: 'en-US' };
      const install = await send(
        teamsActivity({ ...where, extra: { type: 'installationUpdate', action: 'add' } }),
      );
      const added = await send(
        teamsActivity({
          ...where,
          locale: null,
          extra: { type: 'conversationUpdate', membersAdded: [TEAMS_BOT] },
        }),
      );
      const replies = [...install, ...added];
      expect(replies).toHaveLength(1);
      expect(readTexts(replies)).toBe(en('shared.intro'));
      expect(readTexts(replies)).not.toContain(en('welcome'));
      expect(cardsOf(replies)).toEqual([]);

      const joined = await send(
        teamsActivity({
          ...where,
          locale: null,
          extra: { type: 'conversationUpdate', membersAdded: [MARCO] },
        }),
      );
      expect(joined).toEqual([]);
    });
  });

  describe('when people talk to the bot in a channel', () => {
    test('each thread, and each member within a thread, has its own pathway', async () => {
      const channel = newConversationId();
      const thread = (from: typeof GIULIA, id: string): Where => ({
        conversationId: channel,
        scope: 'channel',
        thread: id,
        from,
      });
      await say('I have a suspicious mole', thread(GIULIA, '1000'));

      const otherThread = await say('No', thread(GIULIA, '2000'));
      expect(readTexts(otherThread)).not.toContain(q(mole, 'q-lump').text.en);
      const otherMember = await say('No', thread(MARCO, '1000'));
      expect(readTexts(otherMember)).not.toContain(q(mole, 'q-lump').text.en);
      expect(readTexts(await say('No', thread(GIULIA, '1000')))).toContain(q(mole, 'q-lump').text.en);
    });

    test('a member added to the team gets no welcome posted in the channel', async () => {
      const replies = await send(
        teamsActivity({
          conversationId: newConversationId(),
          scope: 'channel',
          locale: null,
          extra: {
            type: 'conversationUpdate',
            membersAdded: [MARCO],
            channelData: { eventType: 'teamMemberAdded' },
          },
        }),
      );
      expect(replies).toEqual([]);
    });

    test('an activity of a group conversation without a sender is refused', async () => {
      const { from: _from, ...anonymous } = teamsMessage('hello', {
        conversationId: newConversationId(),
        scope: 'groupChat',
      });
      const res = await bot.send(anonymous);
      expect(res.status).toBe(400);
    });
  });

  describe('when the app is installed or reinstalled in a personal chat', () => {
    const install = (where: Where) =>
      teamsActivity({ ...where, extra: { type: 'installationUpdate', action: 'add' } });
    const uninstall = (where: Where) =>
      teamsActivity({ ...where, extra: { type: 'installationUpdate', action: 'remove' } });
    const opened = (where: Where) =>
      teamsActivity({
        ...where,
        locale: null,
        extra: { type: 'conversationUpdate', membersAdded: [TEAMS_BOT] },
      });

    test('the person is welcomed once, in the language of the installation, though the conversationUpdate has no locale', async () => {
      const where: Where = { conversationId: newConversationId(), scope: 'personal', locale: 'en-US' };
      const replies = [...(await send(install(where))), ...(await send(opened(where)))];
      expect(readTexts(replies)).toContain(en('welcome'));
      expect(readTexts(replies).split(en('welcome')).length - 1).toBe(1);
    });

    test('without an installation, the locale of the clientInfo entity chooses the language', async () => {
      const where: Where = { conversationId: newConversationId(), scope: 'personal', locale: 'en-US' };
      const { locale: _locale, ...withoutLocale } = teamsActivity({
        ...where,
        extra: { type: 'conversationUpdate', membersAdded: [TEAMS_BOT] },
      });
      expect(readTexts(await send(withoutLocale))).toContain(en('welcome'));
    });

    test('a reinstall ends the pathway under way: "hello" afterwards is a new start, not an answer to a question no longer on screen', async () => {
      const where: Where = { conversationId: newConversationId(), scope: 'personal', locale: 'en-US' };
      await say('I discovered I have a metastasis', where);
      expect(await send(uninstall(where))).toEqual([]);
      const welcome = [...(await send(install(where))), ...(await send(opened(where)))];
      expect(readTexts(welcome)).toContain(en('welcome'));

      const hello = await say('hello', where);
      expect(readTexts(hello)).not.toContain(en('pathway.unclear'));
      expect(readTexts(hello)).not.toContain(q(metastasis, 'q-who').text.en);
    });

    test('an install that finds a pathway still under way closes it and says so', async () => {
      const where: Where = { conversationId: newConversationId(), scope: 'personal', locale: 'it-IT' };
      await say('ho scoperto di avere una metastasi', where);
      const replies = await send(install(where));
      expect(readTexts(replies)).toContain(it('pathway.closed'));
      expect(readTexts(replies)).toContain(it('welcome'));
      expect(readTexts(await say('Per me', where))).not.toContain(q(metastasis, 'q-worse').text.it);
    });

    test('an upgrade of the app to a new version says nothing and leaves the pathway where it was', async () => {
      const where: Where = { conversationId: newConversationId(), scope: 'personal' };
      await say('I have a suspicious mole', where);
      const upgraded = await send(
        teamsActivity({ ...where, extra: { type: 'installationUpdate', action: 'add-upgrade' } }),
      );
      expect(upgraded).toEqual([]);
      expect(readTexts(await say('No', where))).toContain(q(mole, 'q-lump').text.en);
    });

    test("a door's label while a pathway is under way starts that guide afresh and says the other was closed", async () => {
      const where: Where = { conversationId: newConversationId(), scope: 'personal' };
      const welcome = lastCard(
        await send(
          teamsActivity({
            ...where,
            extra: { type: 'conversationUpdate', membersAdded: [GIULIA, TEAMS_BOT] },
          }),
        ),
      );
      await send(click(welcome, mole.title.en, where));
      await say('No', where);
      const switched = await send(click(welcome, metastasis.title.en, where));
      expect(readTexts(switched)).toContain(en('pathway.closed'));
      expect(readTexts(switched)).toContain(q(metastasis, 'q-who').text.en);
    });
  });

  describe('when an old card is clicked', () => {
    test("a click on an earlier question's button is not taken as an answer to the current question", async () => {
      const where: Where = { conversationId: newConversationId(), scope: 'personal' };
      const bleeding = lastCard(await say('I have a suspicious mole', where));
      const lump = lastCard(await send(click(bleeding, 'No', where)));
      expect(lump?.body[0]?.text).toContain(q(mole, 'q-lump').text.en);

      // "Yes" on the bleeding card: read as an answer, it would say "yes, a new lump" and end in an urgent call.
      const stale = await send(click(bleeding, 'Yes', where));
      expect(dispositionOf(stale)).toBeUndefined();
      expect(readTexts(stale)).toContain(en('click.stale'));
      expect(readTexts(stale)).toContain(q(mole, 'q-lump').text.en);

      // The lump card, and the one asked again, both still answer the lump question.
      expect(readTexts(await send(click(lump, 'No', where)))).toContain(q(mole, 'q-changed').text.en);
    });

    test('when only the label comes back, a button of an earlier question that is no current choice gets the same note, not "I didn\'t catch that"', async () => {
      const where: Where = { conversationId: newConversationId(), scope: 'personal' };
      await say('I discovered I have a metastasis', where);
      await say('For me', where);
      for (let i = 0; i < 3; i += 1) {
        const again = await say('For me', where);
        expect(readTexts(again)).toContain(en('click.stale'));
        expect(readTexts(again)).not.toContain(en('pathway.stuck'));
        expect(readTexts(again)).toContain(q(metastasis, 'q-worse').text.en);
      }
    });

    test('typed answers are always accepted, even when they match an old button', async () => {
      const where: Where = { conversationId: newConversationId(), scope: 'personal' };
      await say('I have a suspicious mole', where);
      await say('No', where);
      expect(readTexts(await say('no', where))).toContain(q(mole, 'q-changed').text.en);
    });

    test('after a guide ended, an old answer button says so and offers the doors again', async () => {
      const where: Where = { conversationId: newConversationId(), scope: 'personal' };
      const bleeding = lastCard(await say('I have a suspicious mole', where));
      expect(dispositionOf(await send(click(bleeding, 'Yes', where)))).toBe('urgent-call-today');
      const stale = await send(click(bleeding, 'No', where));
      expect(readTexts(stale)).toContain(en('click.staleEnded'));
      expect(lastCard(stale)?.actions?.map((a) => a.title)).toEqual(
        expect.arrayContaining(content.pathways.map((p) => p.title.en)),
      );
    });

    test('the card id also comes back from clients that send the button data instead of its text', async () => {
      const where: Where = { conversationId: newConversationId(), scope: 'personal' };
      const bleeding = lastCard(await say('I have a suspicious mole', where));
      await send(click(bleeding, 'No', where));
      const yes = bleeding!.actions!.find((a) => a.title === 'Yes')!;
      const submitted = await send(teamsActivity({ ...where, extra: { text: '', value: yes.data } }));
      expect(readTexts(submitted)).toContain(en('click.stale'));
    });
  });

  describe('when a message is edited', () => {
    test('an edit that adds a red flag gets 112 at once and ends the pathway', async () => {
      const where: Where = { conversationId: newConversationId(), scope: 'personal' };
      await say('I have a suspicious mole', where);
      await say('No', where);
      const edited = await send(
        teamsActivity({
          ...where,
          extra: {
            type: 'messageUpdate',
            text: 'No, but now it is bleeding a lot and I feel faint',
            channelData: { eventType: 'editMessage' },
          },
        }),
      );
      expect(dispositionOf(edited)).toBe('emergency-112');
      expect(readTexts(edited)).toContain('112');
      expect(readTexts(await say('No', where))).not.toContain(q(mole, 'q-changed').text.en);
    });

    test('in a group chat the edit is screened for the member who made it', async () => {
      const chat = newConversationId();
      const giulia: Where = { conversationId: chat, scope: 'groupChat', from: GIULIA };
      const marco: Where = { conversationId: chat, scope: 'groupChat', from: MARCO };
      await say('I have a suspicious mole', giulia);
      await say('I have a suspicious mole', marco);
      const edited = await send(
        teamsActivity({
          ...marco,
          extra: {
            type: 'messageUpdate',
            text: `<at>${TEAMS_BOT.name}</at> it is bleeding a lot`,
            channelData: { eventType: 'editMessage' },
          },
        }),
      );
      expect(dispositionOf(edited)).toBe('emergency-112');
      expect(readTexts(await say('No', giulia))).toContain(q(mole, 'q-lump').text.en);
    });

    test('an edit without a red flag gets no reply and changes nothing', async () => {
      const where: Where = { conversationId: newConversationId(), scope: 'personal' };
      await say('I have a suspicious mole', where);
      const edited = await send(
        teamsActivity({
          ...where,
          extra: {
            type: 'messageUpdate',
            text: 'a mole on my back',
            channelData: { eventType: 'editMessage' },
          },
        }),
      );
      expect(edited).toEqual([]);
      expect(readTexts(await say('No', where))).toContain(q(mole, 'q-lump').text.en);
    });
  });

  describe('when a card message is previewed in notifications and the chat list', () => {
    test('every card message carries a short text summary that starts like the card', async () => {
      const where: Where = { conversationId: newConversationId(), scope: 'personal' };
      const replies = [
        ...(await send(
          teamsActivity({ ...where, extra: { type: 'conversationUpdate', membersAdded: [TEAMS_BOT] } }),
        )),
        ...(await say('what is a sarcoma?', where)),
        ...(await say('I have a suspicious mole', where)),
        ...(await say('Yes', where)),
      ];
      const withCards = replies.filter((a) => cardsOf([a]).length > 0);
      expect(withCards.length).toBeGreaterThanOrEqual(4);
      for (const a of withCards) {
        const summary = a.summary as string | undefined;
        expect(summary).toBeTruthy();
        expect(summary!.length).toBeLessThanOrEqual(PREVIEW_LENGTH);
        const cardText = cardsOf([a])[0]!.body[0]!.text!.replace(/\s+/g, ' ');
        expect(cardText.startsWith(summary!.replace(/…$/, ''))).toBe(true);
        expect(cardsOf([a])[0]!.fallbackText).toBeTruthy();
      }
    });
  });
});

describe('the card mark a Teams button carries in its imBack text', () => {
  test('it names the card and reads back exactly, and the text without it is the label', () => {
    for (let i = 0; i < 200; i += 1) {
      const id = CardClick.newId();
      expect(readCardMark(`Yes${cardMark(id)}`)).toEqual({ text: 'Yes', cardId: id });
    }
  });

  test('it is invisible: only format characters, which every screen and matcher ignores', () => {
    const mark = cardMark('a1b2c3');
    expect(mark).toMatch(/^\p{Cf}+$/u);
    expect(foldText(`It has changed${mark}`)).toBe(foldText('It has changed'));
  });

  test('a text without a mark, or with a broken one, is left as it is', () => {
    expect(readCardMark('No')).toEqual({ text: 'No' });
    const broken = `No${cardMark('a1b2c3').slice(0, -1)}`;
    expect(readCardMark(broken)).toEqual({ text: broken });
  });
});
