/**
 * The fixed set of pathway outcomes, most urgent first.
 * @remarks Stored in state, logs and call summaries, so the values never change.
 */
export enum DispositionCode {
  Emergency112 = 'emergency-112',
  UrgentCallToday = 'urgent-call-today',
  BookSpecialistVisit = 'book-specialist-visit',
  SecondOpinionReview = 'second-opinion-review',
  RoutineCheck = 'routine-check',
  InformationOnly = 'information-only',
}

/** Every disposition code, most urgent first. */
export const DISPOSITION_CODES = Object.freeze(Object.values(DispositionCode));

/**
 * Urgency rank of each disposition (higher is more urgent); a specialist visit and a second-opinion
 * review are equally urgent.
 */
export const DISPOSITION_URGENCY: Readonly<Record<DispositionCode, number>> = Object.freeze({
  [DispositionCode.Emergency112]: 5,
  [DispositionCode.UrgentCallToday]: 4,
  [DispositionCode.BookSpecialistVisit]: 3,
  [DispositionCode.SecondOpinionReview]: 3,
  [DispositionCode.RoutineCheck]: 2,
  [DispositionCode.InformationOnly]: 1,
});
