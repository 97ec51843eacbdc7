import { linkPhoneNumbers, renderReplies } from '../../src/channels/replyRenderer';
import type { Reply } from '../../src/dialogs/reply';

const BOOKING = 'Booking line: +39 02 5748 9001, Monday to Friday 08:00–16:00 (Rome time). It is closed now.';

/** The text (or the card's text) a channel would show for one reply. */
function shown(reply: Reply, channelId: string): string {
  const [activity] = renderReplies([reply], channelId);
  const card = activity?.attachments?.[0]?.content as { body?: Array<{ text?: string }> } | undefined;
  return activity?.text ?? card?.body?.[0]?.text ?? '';
}

describe('when a reply gives a phone number', () => {
  test('in Web Chat the booking line is a tap-to-call link, with the number as written', () => {
    expect(shown({ text: BOOKING }, 'webchat')).toBe(
      'Booking line: [+39 02 5748 9001](tel:+390257489001), Monday to Friday 08:00–16:00 (Rome time). It is closed now.',
    );
  });

  test('112 and an Italian landline are links too (a landline keeps its 0 after +39)', () => {
    expect(linkPhoneNumbers('Call 112 now, or Telefono Amico Italia on 02 2327 2327.')).toBe(
      'Call [112](tel:112) now, or Telefono Amico Italia on [02 2327 2327](tel:+390223272327).',
    );
  });

  test('times, dates, counts and codes are left alone', () => {
    const text = 'Open 08:00–16:00 on 7 December 2026; more than 70 types; emergency-112; ref 0a12b3c4.';
    expect(linkPhoneNumbers(text)).toBe(text);
  });

  test('Direct Line and the Emulator show Web Chat, so they get the links as well', () => {
    for (const channel of ['directline', 'emulator']) {
      expect(shown({ text: BOOKING }, channel)).toContain('(tel:+390257489001)');
    }
  });

  test('in Teams the number stays plain (Teams drops the address of tel: links), in text and in cards', () => {
    expect(shown({ text: BOOKING }, 'msteams')).toBe(BOOKING);
    expect(shown({ text: BOOKING, choices: [{ label: 'Start over' }] }, 'msteams')).toBe(BOOKING);
  });

  test('a channel without Markdown gets the plain number', () => {
    expect(shown({ text: BOOKING }, 'sms')).toBe(BOOKING);
  });
});
