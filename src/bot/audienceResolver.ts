import type { Activity, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { AudienceMode, type ConversationData } from '../dialogs/conversationData';

/**
 * Decides at the start of every turn whether the bot talks to a caller's operator or to the public.
 * @remarks Operator mode comes only from what the visitor cannot write: a Teams activity from a staff
 * tenant (`STAFF_TENANT_IDS`), or a turn the `/agent` API marked after checking its signed operator
 * token. Nothing in the text or channel data can ask for it, and a stored mode is never trusted: the mode
 * is decided again on each turn.
 */
export class AudienceResolver {
  /** `turnState` key the `/agent` API sets (to true) on turns it authorised as an operator's. */
  static readonly operatorGrant = Symbol('operatorGrant');

  private readonly staffTenants: ReadonlySet<string>;

  constructor(
    staffTenantIds: readonly string[],
    private readonly conversationData: StatePropertyAccessor<ConversationData>,
  ) {
    this.staffTenants = new Set(staffTenantIds.map((id) => id.toLowerCase()));
  }

  /** The audience of this turn. */
  resolve(context: TurnContext): AudienceMode {
    if (context.turnState.get(AudienceResolver.operatorGrant) === true) return AudienceMode.Operator;
    const tenant = teamsTenantOf(context.activity);
    return tenant !== undefined && this.staffTenants.has(tenant)
      ? AudienceMode.Operator
      : AudienceMode.Public;
  }

  /** Records this turn's audience in the conversation data the dialogs read. */
  async apply(context: TurnContext): Promise<AudienceMode> {
    const mode = this.resolve(context);
    const data = await this.conversationData.get(context, {});
    if (mode === AudienceMode.Operator) data.mode = mode;
    else delete data.mode;
    return mode;
  }
}

/** The Teams tenant of an activity (lower case); undefined off Teams or when its two copies disagree. */
function teamsTenantOf(activity: Partial<Activity>): string | undefined {
  if (activity.channelId !== 'msteams') return undefined;
  const fromConversation = activity.conversation?.tenantId;
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromChannelData = channelData?.tenant?.id;
  const ids = [fromConversation, fromChannelData].filter(
    (id): id is string => typeof id === 'string' && id !== '',
  );
  const first = ids[0]?.toLowerCase();
  return first !== undefined && ids.every((id) => id.toLowerCase() === first) ? first : undefined;
}
