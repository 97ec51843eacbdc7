import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minVersion, Range, satisfies } from 'semver';
import { loadConfig } from '../../src/config';
import { NODE_FLAGS } from '../../src/runtime/nodeFlags';

const ROOT = join(__dirname, '../..');
const EXAMPLE = readFileSync(join(ROOT, 'deploy/.env.example'), 'utf8').split('\n');

/** Every variable name `loadConfig` reads, recorded by handing it an environment that notes each lookup. */
function variablesReadByConfig(): string[] {
  const read = new Set<string>();
  const env = new Proxy({} as Record<string, string | undefined>, {
    get(_target, name) {
      if (typeof name === 'string') read.add(name);
      return undefined;
    },
    has(_target, name) {
      if (typeof name === 'string') read.add(name);
      return false;
    },
  });
  loadConfig(env, ROOT);
  return [...read].sort();
}

const VARIABLE_LINE = /^(#\s*)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/;

/** The variables of the example: name, whether it is uncommented, its value and the comment line above it. */
function exampleVariables() {
  return EXAMPLE.flatMap((line, i) => {
    const m = VARIABLE_LINE.exec(line.trim());
    if (!m?.[2]) return [];
    const above = (EXAMPLE[i - 1] ?? '').trim();
    const meaning = above.startsWith('#') && !VARIABLE_LINE.test(above) ? above.replace(/^#\s*/, '') : '';
    return [{ name: m[2], active: !m[1], value: (m[3] ?? '').replace(/^(['"])(.*)\1$/, '$2'), meaning }];
  });
}

describe('deploy/.env.example', () => {
  const documented = exampleVariables();

  test('it lists every variable that src/config.ts reads', () => {
    const read = variablesReadByConfig();
    expect(read.length).toBeGreaterThan(10);
    expect(read.filter((name) => !documented.some((d) => d.name === name))).toEqual([]);
  });

  test('it lists no variable that the bot does not read', () => {
    const read = new Set(variablesReadByConfig());
    expect(documented.map((d) => d.name).filter((name) => !read.has(name))).toEqual([]);
  });

  test('it gives each variable once, with a one-line meaning above it', () => {
    const names = documented.map((d) => d.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    expect(documented.filter((d) => d.meaning.length < 10).map((d) => d.name)).toEqual([]);
  });

  test('it changes nothing when copied as it is (every line commented out)', () => {
    expect(documented.filter((d) => d.active).map((d) => d.name)).toEqual([]);
  });

  test('its values (defaults and examples) are a valid configuration when all uncommented', () => {
    const env = Object.fromEntries(documented.map((d) => [d.name, d.value]));
    expect(() => loadConfig(env, ROOT)).not.toThrow();
  });
});

/** Variables the hosting platform reads, not the bot. */
const PLATFORM_SETTING = /^(WEBSITE_|SCM_)/;

describe('the deployment files', () => {
  const read = new Set(variablesReadByConfig());

  test('the Azure template sets only application settings the bot reads (or App Service itself)', () => {
    const bicep = readFileSync(join(ROOT, 'deploy/azure/main.bicep'), 'utf8');
    const settings = [...bicep.matchAll(/^\s*name: '([A-Za-z_][A-Za-z0-9_]*)'\s*\n\s*value:/gm)].map(
      (m) => m[1] ?? '',
    );
    expect(settings).toEqual(
      expect.arrayContaining(['MicrosoftAppId', 'BOT_STORAGE', 'AZURE_STORAGE_CONNECTION_STRING']),
    );
    expect(settings.filter((name) => !read.has(name) && !PLATFORM_SETTING.test(name))).toEqual([]);
  });

  test('the systemd unit sets only variables the bot reads', () => {
    const unit = readFileSync(join(ROOT, 'deploy/selfhost/sarcoma-triage-bot.service'), 'utf8');
    const names = [...unit.matchAll(/^Environment=([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1] ?? '');
    expect(names).toContain('HOST');
    expect(names.filter((name) => name !== 'NODE_ENV' && !read.has(name))).toEqual([]);
  });

  test('every launcher starts node with the production V8 options, and with no others', () => {
    const file = (path: string) => readFileSync(join(ROOT, path), 'utf8');
    const pkg = JSON.parse(file('package.json')) as { scripts: Record<string, string> };
    const dockerCmd = /^CMD \[(.*)\]$/m.exec(file('deploy/Dockerfile'))?.[1] ?? '';
    const launches = {
      'npm start': pkg.scripts.start ?? '',
      Dockerfile: (JSON.parse(`[${dockerCmd}]`) as string[]).join(' '),
      'systemd unit': /^ExecStart=(.*)$/m.exec(file('deploy/selfhost/sarcoma-triage-bot.service'))?.[1] ?? '',
      'Azure start command': /appCommandLine: '([^']*)'/.exec(file('deploy/azure/main.bicep'))?.[1] ?? '',
    };
    const expected = ['node', ...NODE_FLAGS, 'dist/src/index.js'].join(' ');
    for (const [launcher, command] of Object.entries(launches)) {
      expect({ launcher, command: command.replace(/^\/usr\/bin\/node /, 'node ') }).toEqual({
        launcher,
        command: expected,
      });
    }
  });
});

describe('the Node.js version', () => {
  const file = (path: string) => readFileSync(join(ROOT, path), 'utf8');

  test('every launcher and CI run Node.js 24 LTS, and package.json accepts it', () => {
    const pkg = JSON.parse(file('package.json')) as { engines: { node: string } };
    const majors = {
      engines: /\^(\d+)\./.exec(pkg.engines.node)?.[1],
      '.nvmrc': file('.nvmrc').trim(),
      Dockerfile: /^ARG NODE_IMAGE=node:(\d+)-/m.exec(file('deploy/Dockerfile'))?.[1],
      'Azure App Service': /linuxFxVersion: 'NODE\|(\d+)-lts'/.exec(file('deploy/azure/main.bicep'))?.[1],
      'systemd unit': /^Description=.*Node\.js (\d+)\)/m.exec(
        file('deploy/selfhost/sarcoma-triage-bot.service'),
      )?.[1],
      CI: /NODE_VERSION="\$\{NODE_VERSION:-(\d+)\./.exec(file('.ci/install-node'))?.[1],
    };
    expect(majors).toEqual({
      engines: '24',
      '.nvmrc': '24',
      Dockerfile: '24',
      'Azure App Service': '24',
      'systemd unit': '24',
      CI: '24',
    });
  });

  test('no dependency asks for a Node.js that package.json does not accept (no EBADENGINE on install)', () => {
    const pkg = JSON.parse(file('package.json')) as { engines: { node: string } };
    const lock = JSON.parse(file('package-lock.json')) as {
      packages: Record<string, { engines?: { node?: string } | string[] }>;
    };
    // The lowest version of each release line package.json accepts (22.13.0 and 24.0.0).
    const lowest = new Range(pkg.engines.node).set.map(
      (comparators) => minVersion(new Range(comparators.map((c) => c.value).join(' ')))!.version,
    );
    expect(lowest).toContain('24.0.0');
    const refusing = Object.entries(lock.packages)
      .filter(([path]) => path.startsWith('node_modules/'))
      .flatMap(([path, p]) => {
        const range = Array.isArray(p.engines) ? undefined : p.engines?.node;
        if (!range) return [];
        return lowest.filter((v) => !satisfies(v, range)).map((v) => `${path} (${range}) refuses ${v}`);
      });
    expect(refusing).toEqual([]);
  });
});
