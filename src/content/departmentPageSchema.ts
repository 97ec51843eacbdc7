import { z } from 'zod';
import { idSchema } from './knowledgeSchema';
import { localizedTextSchema, textSchema } from './language';

/** A part of the department page, named where the page itself has no heading. */
export const pageSectionSchema = z
  .object({
    id: idSchema.describe('Stable kebab-case identifier of the section.'),
    title: localizedTextSchema.describe('Shown under answers: "From the department page: <title>".'),
    startsAt: textSchema.describe('The first words of the section, copied exactly from the page.'),
  })
  .strict();

/** A part of the department page. */
export type PageSection = z.infer<typeof pageSectionSchema>;

/** A sentence of the department page that is wrong or unclear, for the department to correct. */
export const pageErrorSchema = z
  .object({
    quote: textSchema.describe('The words of the page concerned, copied exactly.'),
    problem: textSchema.describe('What is wrong or unclear, for the clinicians.'),
    handling: textSchema.describe('What the assistant says instead, until the page is corrected.'),
  })
  .strict();

/** A sentence of the department page that is wrong or unclear. */
export type PageError = z.infer<typeof pageErrorSchema>;

/** `knowledge/source/department-page.json`: the sections of the page and its known errors. */
export const departmentPageFileSchema = z
  .object({
    $schema: z.string().optional(),
    sections: z
      .array(pageSectionSchema)
      .min(1)
      .describe('The page from top to bottom; each section runs until the next one starts.'),
    errors: z
      .array(pageErrorSchema)
      .default([])
      .describe('Errors on the page itself, listed in the review report for the department to correct.'),
  })
  .strict();

/** `knowledge/source/department-page.json`. */
export type DepartmentPageFile = z.infer<typeof departmentPageFileSchema>;
