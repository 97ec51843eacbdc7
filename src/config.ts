import { z } from 'zod';
import { STAFF_KEY_HASH_FORMATS, StaffKeyHash } from './channels/agent/staffKeyHash';

/** pino's log levels, plus `silent`. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Where conversation and user state are kept. */
export enum StorageKind {
  Memory = 'memory',
  Blob = 'blob',
}

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/** A Microsoft Entra tenant id. */
const TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** One CSP `frame-ancestors` source: 'self', a scheme (`https:`) or a host with optional scheme, wildcard and port. */
const FRAME_SOURCE =
  /^(?:'self'|[a-z][a-z0-9+.-]*:|(?:[a-z][a-z0-9+.-]*:\/\/)?(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::(?:\d{1,5}|\*))?)$/i;

/**
 * An Azure Blob Storage container name: 3 to 63 lowercase letters, digits and single hyphens, starting and ending
 * with a letter or a digit (Azure refuses any other, and then every turn would fail).
 */
const CONTAINER_NAME = /^(?=.{3,63}$)[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The minimum length of `WEBCHAT_TOKEN_SECRET` (HMAC-SHA256 keys shorter than this are guessable). */
export const MIN_WEBCHAT_SECRET_LENGTH = 32;

const integer = (name: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({
          code: 'custom',
          message: `${name} must be a whole number from ${min} to ${max}, got "${v}"`,
        });
        return z.NEVER;
      }
      return n;
    });

const envSchema = z
  .object({
    PORT: integer('PORT', 0, 65535, 3978),
    HOST: optionalText.transform((v) => v ?? '0.0.0.0'),
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: z
      .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], {
        message: 'MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI',
      })
      .optional(),
    MicrosoftAppTenantId: optionalText,
    BOT_STORAGE: z
      .enum(StorageKind, { message: 'BOT_STORAGE must be "memory" or "blob"' })
      .default(StorageKind.Memory),
    AZURE_STORAGE_CONNECTION_STRING: optionalText,
    BOT_STORAGE_CONTAINER: optionalText.transform((v, ctx) => {
      const name = v ?? 'bot-state';
      if (CONTAINER_NAME.test(name)) return name;
      ctx.addIssue({
        code: 'custom',
        message: `BOT_STORAGE_CONTAINER must be 3 to 63 lowercase letters, digits and single hyphens (an Azure container name), got "${name}"`,
      });
      return z.NEVER;
    }),
    LOG_LEVEL: z
      .enum(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
      .default('info'),
    CONTENT_ROOT: optionalText,
    CURATOR_LOG_PATH: optionalText.transform((v) => v ?? 'var/curator-log.jsonl'),
    CURATOR_LOG_RETENTION_DAYS: integer('CURATOR_LOG_RETENTION_DAYS', 1, 3650, 90),
    CONVERSATION_IDLE_MINUTES: integer('CONVERSATION_IDLE_MINUTES', 1, 24 * 60, 30),
    SHUTDOWN_GRACE_MS: integer('SHUTDOWN_GRACE_MS', 0, 120000, 10000),
    STAFF_TENANT_IDS: z
      .string()
      .optional()
      .transform((v, ctx) => {
        const ids = (v ?? '')
          .split(',')
          .map((id) => id.trim().toLowerCase())
          .filter((id) => id !== '');
        const bad = ids.filter((id) => !TENANT_ID.test(id));
        if (bad.length > 0) {
          ctx.addIssue({
            code: 'custom',
            message: `STAFF_TENANT_IDS must be Microsoft Entra tenant ids (GUIDs) separated by commas, got "${bad.join('", "')}"`,
          });
          return z.NEVER;
        }
        return Object.freeze([...new Set(ids)]);
      }),
    STAFF_ACCESS_KEY_HASH: optionalText.refine(
      (v) => v === undefined || StaffKeyHash.parse(v) !== undefined,
      {
        message: `STAFF_ACCESS_KEY_HASH must be ${STAFF_KEY_HASH_FORMATS}; make one with npm run --silent staff:hash (it asks for the key)`,
      },
    ),
    WEBCHAT_TOKEN_SECRET: optionalText.refine(
      (v) => v === undefined || v.length >= MIN_WEBCHAT_SECRET_LENGTH,
      {
        message: `WEBCHAT_TOKEN_SECRET must be at least ${MIN_WEBCHAT_SECRET_LENGTH} characters (e.g. openssl rand -base64 48)`,
      },
    ),
    WEBCHAT_TOKEN_TTL_SECONDS: integer('WEBCHAT_TOKEN_TTL_SECONDS', 60, 24 * 3600, 900),
    DIRECT_LINE_SECRET: optionalText,
    FRAME_ANCESTORS: z
      .string()
      .optional()
      .transform((v, ctx) => {
        const sources = (v ?? '').split(/[\s,]+/).filter((s) => s !== '');
        if (sources.length === 0) return Object.freeze(["'self'"]);
        if (sources.length === 1 && sources[0] === "'none'") return Object.freeze(["'none'"]);
        const bad = sources.filter((s) => !FRAME_SOURCE.test(s));
        if (bad.length > 0) {
          ctx.addIssue({
            code: 'custom',
            message: `FRAME_ANCESTORS must be 'self', 'none' or origins such as https://www.example.org separated by spaces, got "${bad.join('", "')}"`,
          });
          return z.NEVER;
        }
        return Object.freeze([...new Set(sources)]);
      }),
  })
  .superRefine((env, ctx) => {
    if (env.BOT_STORAGE === StorageKind.Blob && !env.AZURE_STORAGE_CONNECTION_STRING) {
      ctx.addIssue({
        code: 'custom',
        path: ['AZURE_STORAGE_CONNECTION_STRING'],
        message: 'AZURE_STORAGE_CONNECTION_STRING is required when BOT_STORAGE=blob',
      });
    }
    if (env.MicrosoftAppType === 'SingleTenant' && !env.MicrosoftAppTenantId) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppTenantId'],
        message: 'MicrosoftAppTenantId is required when MicrosoftAppType=SingleTenant',
      });
    }
  });

/** The validated, frozen configuration of one process. */
export interface Config {
  /** TCP port to listen on (0 = any free port). */
  readonly port: number;
  /** Interface to listen on. */
  readonly host: string;
  /** Bot Framework credentials; `appId` undefined means local mode (no channel authentication). */
  readonly bot: Readonly<{
    appId?: string;
    appPassword?: string;
    appType?: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    tenantId?: string;
  }>;
  /** State storage settings. */
  readonly storage: Readonly<{ kind: StorageKind; connectionString?: string; container: string }>;
  /** pino log level. */
  readonly logLevel: (typeof LOG_LEVELS)[number];
  /** Folder holding `knowledge/` and `dialogs/` (default: the project root). */
  readonly contentRoot: string;
  /** Curator log of unanswered questions and feedback (JSON lines, redacted). */
  readonly curatorLog: Readonly<{ path: string; retentionDays: number }>;
  /** Idle time after which a conversation starts afresh. */
  readonly conversationIdleMinutes: number;
  /** How long shutdown waits for in-flight turns. */
  readonly shutdownGraceMs: number;
  /** Who may use the call-centre operator mode. */
  readonly staff: Readonly<{
    /** Teams tenants (lower-case GUIDs) whose users get operator mode. */
    tenantIds: readonly string[];
    /** Hash of the access key of the `/agent` page; undefined disables it. */
    accessKeyHash?: string;
  }>;
  /** The website chat: our own web channel and, optionally, Azure Direct Line. */
  readonly webChat: Readonly<{
    /** HMAC-SHA256 key signing web-channel tokens; undefined means a random key per process. */
    tokenSecret?: string;
    /** Lifetime of a web-channel token. */
    tokenTtlSeconds: number;
    /** Azure Direct Line secret; when set the page talks to the bot through Direct Line instead. */
    directLineSecret?: string;
    /** CSP `frame-ancestors` sources: which sites may show the chat page in a frame. */
    frameAncestors: readonly string[];
  }>;
}

/** Thrown when the environment has a bad value; the message names every variable and the fix. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates the environment once.
 * @param env the variables (normally `process.env`)
 * @param projectRoot default content root
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>, projectRoot: string): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const name = String(i.path[0] ?? 'environment');
        return i.message.includes(name) ? i.message : `${name}: ${i.message}`;
      }),
    );
  }
  const e = parsed.data;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    bot: Object.freeze({
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      appType: e.MicrosoftAppType,
      tenantId: e.MicrosoftAppTenantId,
    }),
    storage: Object.freeze({
      kind: e.BOT_STORAGE,
      connectionString: e.AZURE_STORAGE_CONNECTION_STRING,
      container: e.BOT_STORAGE_CONTAINER,
    }),
    logLevel: e.LOG_LEVEL,
    contentRoot: e.CONTENT_ROOT ?? projectRoot,
    curatorLog: Object.freeze({ path: e.CURATOR_LOG_PATH, retentionDays: e.CURATOR_LOG_RETENTION_DAYS }),
    conversationIdleMinutes: e.CONVERSATION_IDLE_MINUTES,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    staff: Object.freeze({ tenantIds: e.STAFF_TENANT_IDS, accessKeyHash: e.STAFF_ACCESS_KEY_HASH }),
    webChat: Object.freeze({
      tokenSecret: e.WEBCHAT_TOKEN_SECRET,
      tokenTtlSeconds: e.WEBCHAT_TOKEN_TTL_SECONDS,
      directLineSecret: e.DIRECT_LINE_SECRET,
      frameAncestors: e.FRAME_ANCESTORS,
    }),
  });
}
