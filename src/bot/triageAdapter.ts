import { type Activity, CloudAdapter, type InvokeResponse, type TurnContext } from 'botbuilder';
// Deep path: the fix-up CloudAdapter.process applies to a parsed body (string timestamps to dates), not exported.
import { validateAndFixActivity } from 'botbuilder/lib/activityValidator';

/**
 * The bot's CloudAdapter, with one entry point for an activity the server has already read and checked.
 * @remarks `CloudAdapter.process(req, res, logic)` re-validates the request, the response object and the logic
 * with zod on every request (about 50 µs, bench/results.md), then answers through its own response shim. The
 * server reads the body within limits and checks the activity's shape itself (`activityShape.ts`), so it calls
 * {@link TriageAdapter.handle} and answers from the result: authentication, the turn and the `expectReplies`
 * buffering are the adapter's, unchanged.
 */
export class TriageAdapter extends CloudAdapter {
  /**
   * Authenticates the request (the `Authorization` header, empty if absent) and runs the turn.
   * @returns the invoke response, or for `expectReplies` a 200 whose body holds the replies; undefined otherwise
   * @throws AuthenticationError (or another error raised before the turn started) when the request is refused
   */
  async handle(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, validateAndFixActivity(activity), logic);
  }
}
