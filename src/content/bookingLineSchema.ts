import { z } from 'zod';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM, 24-hour, e.g. "08:00"');

/** The booking line's facts, as the department page and the hospital give them. */
export const bookingLineSchema = z
  .object({
    $schema: z.string().optional(),
    phone: z
      .string()
      .regex(/^\+\d[\d ]+\d$/, 'must be an international number like "+39 02 5748 9001"')
      .describe('The number as shown to people.'),
    timeZone: z.string().min(1).describe('IANA zone the hours are given in, e.g. "Europe/Rome".'),
    weeklyHours: z
      .array(
        z
          .object({
            weekday: z.number().int().min(1).max(7).describe('ISO weekday: 1 = Monday … 7 = Sunday.'),
            opens: hhmm,
            closes: hhmm,
          })
          .strict(),
      )
      .min(1)
      .describe('Opening hours per weekday; a weekday not listed is closed.'),
    holidays: z
      .object({
        country: z.string().length(2).describe('date-holidays country, e.g. "IT".'),
        state: z.string().optional().describe('date-holidays state/region, e.g. "25" (Lombardy).'),
        region: z.string().optional().describe('date-holidays region, e.g. "MI" (Milan).'),
      })
      .strict()
      .describe('Public holidays on which the line is closed, computed with date-holidays.'),
    extraClosures: z
      .array(
        z
          .object({
            date: z.iso.date().describe('The closed day (YYYY-MM-DD, Rome).'),
            reason: z.string().trim().min(1).describe('Shown to callers: "closed today (<reason>)".'),
            source: z
              .string()
              .trim()
              .min(
                1,
                'say who announced the closure and where (e.g. the department notice and its date or link)',
              )
              .describe('Who announced the closure, and where: a closure nobody announced is never added.'),
          })
          .strict(),
      )
      .default([])
      .describe(
        'Closure days the department announced beyond weekends and public holidays, each with its source.',
      ),
  })
  .strict();

/** The booking line's facts. */
export type BookingLine = z.infer<typeof bookingLineSchema>;
