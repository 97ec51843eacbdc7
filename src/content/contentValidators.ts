import type { Content } from './content';
import type { ContentIssue } from './contentIssue';
import type { ContentOrigins } from './contentOrigins';
import { validateEvidence } from './validateEvidence';
import { validateKnowledge } from './validateKnowledge';
import { validateMessages } from './validateMessages';
import { validatePathways } from './validatePathways';
import { validateRedFlags } from './validateRedFlags';

/** A cross-reference check over loaded content. */
export type ContentValidator = (content: Content, origins: ContentOrigins) => ContentIssue[];

/** Every cross-reference check run at start-up and in `npm test`, after the shape checks. */
export const CONTENT_VALIDATORS: readonly ContentValidator[] = Object.freeze([
  validateMessages,
  validatePathways,
  validateRedFlags,
  validateKnowledge,
  validateEvidence,
]);
