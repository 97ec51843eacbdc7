import { z } from 'zod';
import { textSchema } from './language';

/**
 * Lay terms per language: each key is the canonical term the knowledge base uses, each value the
 * words and phrases people type instead (e.g. "nodule": ["lump", "bump"]).
 */
export const synonymsFileSchema = z
  .object({
    $schema: z.string().optional(),
    en: z.record(textSchema, z.array(textSchema).min(1)),
    it: z.record(textSchema, z.array(textSchema).min(1)),
  })
  .strict();

/** Lay terms per language, canonical term → variants. */
export type SynonymsFile = z.infer<typeof synonymsFileSchema>;
