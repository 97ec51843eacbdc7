import type { TurnContext } from 'botbuilder';
// Deep paths, as elsewhere: the package's main entry also loads its text recognisers.
import { DialogsComponentRegistration } from 'botbuilder-dialogs/lib/dialogsComponentRegistration';
import type { DialogStateManagerConfiguration } from 'botbuilder-dialogs/lib/memory/dialogStateManager';

/** The turn-state key under which botbuilder-dialogs caches its memory configuration for a turn. */
const CONFIGURATION_KEY = 'DialogStateManagerConfiguration';

/**
 * The memory scopes and path resolvers of botbuilder-dialogs (`turn.*`, `dialog.*`, `conversation.*`…), built
 * once and handed to every turn.
 * @remarks Every `DialogContext` has a `DialogStateManager`, whose first construction in a turn rebuilds this
 * configuration from the component registry (a service collection, a dozen scope objects and their zod checks):
 * about 40 µs a turn, the same answer each time. The scopes hold no state of their own (they read and write
 * through the dialog context they are given), so one set serves every turn.
 */
export class DialogStateConfiguration {
  private readonly configuration: DialogStateManagerConfiguration;

  constructor() {
    const registration = new DialogsComponentRegistration();
    this.configuration = {
      memoryScopes: registration.getMemoryScopes(),
      pathResolvers: registration.getPathResolvers(),
    };
  }

  /** Gives this turn the prebuilt configuration (call before the turn's first dialog context is created). */
  applyTo(context: TurnContext): void {
    if (!context.turnState.has(CONFIGURATION_KEY))
      context.turnState.set(CONFIGURATION_KEY, this.configuration);
  }
}
