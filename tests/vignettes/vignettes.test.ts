import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DISPOSITION_URGENCY, DispositionCode } from '../../src/content/dispositionCode';
import { playAll } from '../support/conversation';
import { type RunningApp, startApp } from '../support/testApp';

/** A short case written as a patient writes, with the least urgent acceptable outcome. */
interface Vignette {
  id: string;
  lang: 'en' | 'it';
  turns: string[];
  minimum: DispositionCode;
  note: string;
}

const vignettes = JSON.parse(readFileSync(join(__dirname, 'vignettes.json'), 'utf8')) as Vignette[];
const urgency = (code: string | undefined) =>
  code ? (DISPOSITION_URGENCY[code as DispositionCode] ?? 0) : 0;

describe('the triage safety vignettes (tests/vignettes/vignettes.json)', () => {
  let bot: RunningApp;
  const overTriaged: string[] = [];
  beforeAll(async () => {
    bot = await startApp();
  });
  afterAll(async () => {
    await bot.stop();
    console.log(
      `Vignettes: ${vignettes.length} cases, under-triage fails the suite; over-triage: ${overTriaged.length}` +
        (overTriaged.length ? `\n  ${overTriaged.join('\n  ')}` : ''),
    );
  });

  test.each(vignettes.map((v) => [v.id, v] as const))('%s is never under-triaged', async (_id, v) => {
    const { disposition } = await playAll(bot, v.turns, { locale: v.lang });
    const got = urgency(disposition);
    expect({ id: v.id, note: v.note, disposition, atLeast: got >= urgency(v.minimum) }).toEqual({
      id: v.id,
      note: v.note,
      disposition,
      atLeast: true,
    });
    if (got > urgency(v.minimum)) overTriaged.push(`${v.id}: ${disposition} where ${v.minimum} was enough`);
  });
});
