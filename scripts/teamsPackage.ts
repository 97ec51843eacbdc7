import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import AdmZip from 'adm-zip';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/** The project root (this file runs from dist/scripts/ after `npm run build`, or from scripts/ under ts-jest). */
const PROJECT_ROOT = join(__dirname, __dirname.includes(join('dist', 'scripts')) ? '../..' : '..');

/** Where the app template and icons live. */
export const TEAMS_SOURCE_DIR = join(PROJECT_ROOT, 'deploy', 'teams');

/** Where `npm run teams:package` writes the zip. */
export const TEAMS_OUTPUT_DIR = join(PROJECT_ROOT, 'dist', 'teams');

/** The files of the Teams app package, besides the manifest. */
export const TEAMS_PACKAGE_FILES = Object.freeze(['color.png', 'outline.png', 'it-it.json']);

/** Each `{{Placeholder}}` of the manifest template and the environment variable that fills it. */
export const TEAMS_PLACEHOLDERS = Object.freeze({
  MicrosoftAppId: 'MicrosoftAppId',
  TeamsAppId: 'TEAMS_APP_ID (default: MicrosoftAppId)',
  AppVersion: 'the version in package.json',
  WebsiteUrl: 'TEAMS_WEBSITE_URL',
  PrivacyUrl: 'TEAMS_PRIVACY_URL',
  TermsOfUseUrl: 'TEAMS_TERMS_URL',
});

/** A placeholder name. */
export type TeamsPlaceholder = keyof typeof TEAMS_PLACEHOLDERS;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Thrown when the package cannot be built; the message lists every problem and its fix. */
export class TeamsPackageError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The Teams app package cannot be built:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'TeamsPackageError';
  }
}

/** The placeholder values from the environment; throws listing whatever is missing or malformed. */
export function placeholderValues(
  env: Readonly<Record<string, string | undefined>>,
  version: string,
): Record<TeamsPlaceholder, string> {
  const read = (name: string) => env[name]?.trim() || undefined;
  const appId = read('MicrosoftAppId');
  const values = {
    MicrosoftAppId: appId ?? '',
    TeamsAppId: read('TEAMS_APP_ID') ?? appId ?? '',
    AppVersion: version,
    WebsiteUrl: read('TEAMS_WEBSITE_URL') ?? '',
    PrivacyUrl: read('TEAMS_PRIVACY_URL') ?? '',
    TermsOfUseUrl: read('TEAMS_TERMS_URL') ?? '',
  };
  const problems: string[] = [];
  if (!GUID.test(values.MicrosoftAppId))
    problems.push("MicrosoftAppId must be the bot's Microsoft App ID (a GUID)");
  if (read('TEAMS_APP_ID') !== undefined && !GUID.test(values.TeamsAppId))
    problems.push('TEAMS_APP_ID must be a GUID (or leave it unset to use MicrosoftAppId)');
  for (const [key, name] of [
    ['WebsiteUrl', 'TEAMS_WEBSITE_URL'],
    ['PrivacyUrl', 'TEAMS_PRIVACY_URL'],
    ['TermsOfUseUrl', 'TEAMS_TERMS_URL'],
  ] as const) {
    if (!/^https:\/\/[^\s{}]+$/.test(values[key])) problems.push(`${name} must be an https:// address`);
  }
  if (problems.length > 0) throw new TeamsPackageError(problems);
  return values;
}

/** Replaces every `{{Placeholder}}` in the template; throws on an unknown one. */
export function fillManifest(template: string, values: Readonly<Record<TeamsPlaceholder, string>>): string {
  const unknown = new Set<string>();
  const filled = template.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => {
    if (!(name in values)) {
      unknown.add(name);
      return '';
    }
    return JSON.stringify(values[name as TeamsPlaceholder]).slice(1, -1);
  });
  if (unknown.size > 0)
    throw new TeamsPackageError([...unknown].map((n) => `the template uses an unknown placeholder {{${n}}}`));
  return filled;
}

/** The Teams JSON schema bundled in `@microsoft/app-manifest` for a manifest version (no network). */
export function bundledSchema(
  manifestVersion: string,
  file: 'MicrosoftTeams.schema.json' | 'MicrosoftTeams.Localization.schema.json',
) {
  const root = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const path = join(root, 'build', 'json-schemas', 'teams', `v${manifestVersion}`, file);
  return JSON.parse(readFileSync(path, 'utf8').replace(/\\a/g, '\\u0007')) as Record<string, unknown>;
}

/** Validates a document against a draft-04 JSON schema as `@microsoft/app-manifest` does; returns the failures. */
function validateAgainst(schema: Record<string, unknown>, document: unknown): string[] {
  // unicodeRegExp off: the bundled localisation schema has patterns that are only valid without the u flag.
  const ajv = new Ajv04({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  if (validate(JSON.parse(JSON.stringify(document)))) return [];
  return (validate.errors ?? []).map(
    (e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
  );
}

/**
 * Checks the filled manifest and its localisation files against the schemas bundled in
 * `@microsoft/app-manifest` (offline); returns the failures.
 * @remarks Validated with ajv (draft-04, with formats) like the package's own `validateAgainstSchema`, whose
 * module cannot be loaded under jest (it imports an ES-only dependency).
 */
export function validateTeamsApp(
  manifest: Record<string, unknown>,
  localisations: Record<string, unknown>[],
): string[] {
  const version = String(manifest.manifestVersion);
  const failures = validateAgainst(bundledSchema(version, 'MicrosoftTeams.schema.json'), manifest);
  const localisationSchema = bundledSchema(version, 'MicrosoftTeams.Localization.schema.json');
  for (const file of localisations)
    failures.push(...validateAgainst(localisationSchema, file).map((f) => `localisation: ${f}`));
  return failures;
}

/** What {@link buildTeamsPackage} needs. */
export interface TeamsPackageOptions {
  /** Environment holding the placeholder values. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Folder with `manifest.json`, the icons and the localisation (default `deploy/teams`). */
  readonly sourceDir?: string;
  /** Folder the zip is written to (default `dist/teams`). */
  readonly outputDir?: string;
}

/**
 * Builds the Teams app package: fills the manifest from the environment, validates it offline against
 * the bundled schema, and zips it with the icons into `dist/teams/`.
 * @returns the zip's path and the filled manifest
 */
export async function buildTeamsPackage(
  options: TeamsPackageOptions,
): Promise<{ zipPath: string; manifest: Record<string, unknown> }> {
  const sourceDir = options.sourceDir ?? TEAMS_SOURCE_DIR;
  const outputDir = options.outputDir ?? TEAMS_OUTPUT_DIR;
  const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
  const values = placeholderValues(options.env, pkg.version);
  const manifestText = fillManifest(readFileSync(join(sourceDir, 'manifest.json'), 'utf8'), values);
  const manifest = JSON.parse(manifestText) as Record<string, unknown>;
  const localisations = TEAMS_PACKAGE_FILES.filter((f) => f.endsWith('.json')).map(
    (f) => JSON.parse(readFileSync(join(sourceDir, f), 'utf8')) as Record<string, unknown>,
  );
  const failures = validateTeamsApp(manifest, localisations);
  if (failures.length > 0)
    throw new TeamsPackageError(failures.map((f) => `manifest.json does not match the Teams schema: ${f}`));
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
  for (const file of TEAMS_PACKAGE_FILES) zip.addFile(file, readFileSync(join(sourceDir, file)));
  mkdirSync(outputDir, { recursive: true });
  const zipPath = join(outputDir, `sarcoma-triage-teams-${pkg.version}.zip`);
  zip.writeZip(zipPath);
  return { zipPath, manifest };
}

if (require.main === module) {
  buildTeamsPackage({ env: process.env })
    .then(({ zipPath }) => process.stdout.write(`Teams app package written to ${zipPath}\n`))
    .catch((err: Error) => {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    });
}
