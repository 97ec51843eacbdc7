import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config';

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

/** The variables of the example: name, whether it is active, its value and the comment line above it. */
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

  test('its active lines are a valid configuration as they stand', () => {
    const env = Object.fromEntries(documented.filter((d) => d.active).map((d) => [d.name, d.value]));
    expect(() => loadConfig(env, ROOT)).not.toThrow();
  });
});
