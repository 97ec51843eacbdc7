import { StorageConflictError } from '../state/storageConflictError';
import { StorageUnavailableError } from '../state/storageUnavailableError';

/** Why a turn failed, as the turn-error handler tells the user and decides what to clear. */
export enum TurnFailure {
  /** A bug or bad state: the conversation state is cleared and the user starts again. */
  Unexpected = 'unexpected',
  /** The state storage is down: nothing can be saved or cleared; the user is asked to retry or call. */
  StorageUnavailable = 'storage-unavailable',
  /** Another turn saved this conversation first, even after a retry: its state is kept as it is. */
  Conflict = 'conflict',
}

/** Classifies a turn error. */
export function turnFailureOf(error: unknown): TurnFailure {
  if (error instanceof StorageUnavailableError) return TurnFailure.StorageUnavailable;
  if (error instanceof StorageConflictError) return TurnFailure.Conflict;
  return TurnFailure.Unexpected;
}
