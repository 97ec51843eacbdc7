import { ConfigError, loadConfig, StorageKind } from '../src/config';

const load = (env: Record<string, string>) => loadConfig(env, '/project');

describe('configuration read from the environment', () => {
  describe('when nothing is set', () => {
    test('it listens on 0.0.0.0:3978 in local mode with memory storage and info logs', () => {
      const c = load({});
      expect(c.port).toBe(3978);
      expect(c.host).toBe('0.0.0.0');
      expect(c.bot.appId).toBeUndefined();
      expect(c.storage.kind).toBe(StorageKind.Memory);
      expect(c.logLevel).toBe('info');
      expect(c.contentRoot).toBe('/project');
    });

    test('the configuration cannot be changed after it is read', () => {
      const c = load({});
      expect(Object.isFrozen(c)).toBe(true);
      expect(Object.isFrozen(c.bot)).toBe(true);
    });
  });

  describe.each([
    ['PORT', 'abc', /PORT must be a whole number/],
    ['PORT', '70000', /PORT must be a whole number from 0 to 65535/],
    ['BOT_STORAGE', 'redis', /BOT_STORAGE must be "memory" or "blob"/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
    ['MicrosoftAppType', 'Anything', /MicrosoftAppType must be/],
    ['CONVERSATION_IDLE_MINUTES', '0', /CONVERSATION_IDLE_MINUTES must be a whole number/],
  ])('when %s=%s', (name, value, expected) => {
    test('it refuses to start with a message naming the variable', () => {
      expect(() => load({ [name]: value })).toThrow(ConfigError);
      expect(() => load({ [name]: value })).toThrow(expected);
    });
  });

  describe('when blob storage is chosen without a connection string', () => {
    test('it names the missing variable', () => {
      expect(() => load({ BOT_STORAGE: 'blob' })).toThrow(/AZURE_STORAGE_CONNECTION_STRING is required/);
    });
  });

  describe('when the blob container name is one Azure would refuse', () => {
    test.each(['Bot_State', 'ab', 'bot--state', '-bot', 'a'.repeat(64)])(
      '"%s" stops start-up, naming BOT_STORAGE_CONTAINER',
      (name) => {
        expect(() => load({ BOT_STORAGE_CONTAINER: name })).toThrow(/BOT_STORAGE_CONTAINER must be 3 to 63/);
      },
    );

    test('a valid name is kept', () => {
      expect(load({ BOT_STORAGE_CONTAINER: 'sarcoma-bot-2026' }).storage.container).toBe('sarcoma-bot-2026');
    });
  });

  describe('when several values are wrong', () => {
    test('it lists every problem at once', () => {
      try {
        load({ PORT: 'abc', LOG_LEVEL: 'loud' });
        throw new Error('expected a ConfigError');
      } catch (err) {
        expect((err as ConfigError).problems).toHaveLength(2);
      }
    });
  });
});
