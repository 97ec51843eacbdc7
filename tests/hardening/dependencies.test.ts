import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Tools that build, test, lint or benchmark: they must never be needed to run the bot. */
const DEV_TOOLS = [
  /^typescript$/,
  /^ts-(jest|node)$/,
  /^jest/,
  /^@jest\//,
  /^@types\//,
  /^eslint/,
  /^@eslint\//,
  /^typescript-eslint$/,
  /^prettier$/,
  /^fast-check$/,
  /^autocannon$/,
  /^azurite$/,
  /^playwright/,
  /^@axe-core\//,
  /^rimraf$/,
  /^nodemon$/,
  /^adm-zip$/,
  /^@microsoft\/app-manifest$/,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(entry.name) && !/\.d\.ts$/.test(entry.name) ? [path] : [];
  });
}

/**
 * What a source file requires at run time: compiled the way the build does, so imports used only as types
 * are gone, then every `require("…")` and `require.resolve("…")` of the output.
 */
function runtimeRequires(file: string): string[] {
  const out = ts.transpileModule(readFileSync(file, 'utf8'), {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
    },
    fileName: file,
  }).outputText;
  return [...out.matchAll(/\brequire(?:\.resolve)?\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? '');
}

/** `@scope/name/deep/path` → `@scope/name`; `name/deep` → `name`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

const isBuiltin = (specifier: string) =>
  specifier.startsWith('node:') ||
  builtinModules.includes(specifier) ||
  builtinModules.includes(packageOf(specifier));

describe('production dependencies', () => {
  const requires = sourceFiles(join(ROOT, 'src')).flatMap((file) =>
    runtimeRequires(file).map((specifier) => ({ file: relative(ROOT, file), specifier })),
  );
  const external = requires.filter((r) => !r.specifier.startsWith('.') && !isBuiltin(r.specifier));

  test('the source has run-time imports to check', () => {
    expect(external.length).toBeGreaterThan(10);
  });

  test('every run-time import in src/ is a declared dependency or a Node.js built-in', () => {
    const undeclared = external.filter((r) => !(packageOf(r.specifier) in pkg.dependencies));
    expect(undeclared).toEqual([]);
  });

  test('every run-time import in src/ resolves', () => {
    const unresolved = external.filter((r) => {
      try {
        require.resolve(r.specifier, { paths: [join(ROOT, r.file)] });
        return false;
      } catch {
        return true;
      }
    });
    expect(unresolved).toEqual([]);
  });

  test('no build, test or lint tool is a production dependency', () => {
    expect(Object.keys(pkg.dependencies).filter((name) => DEV_TOOLS.some((tool) => tool.test(name)))).toEqual(
      [],
    );
  });

  test('nothing is both a production and a development dependency', () => {
    expect(Object.keys(pkg.dependencies).filter((name) => name in (pkg.devDependencies ?? {}))).toEqual([]);
  });

  test('every production dependency is used by src/ (or serves a file the page loads)', () => {
    const used = new Set(external.map((r) => packageOf(r.specifier)));
    const unused = Object.keys(pkg.dependencies).filter((name) => !used.has(name));
    expect(unused).toEqual([]);
  });
});

describe('the lockfile', () => {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    lockfileVersion: number;
    packages: Record<
      string,
      { dependencies?: Record<string, string>; devDependencies?: Record<string, string>; dev?: boolean }
    >;
  };

  test('is committed to git', () => {
    const tracked = execFileSync('git', ['ls-files', '--error-unmatch', 'package-lock.json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(tracked.trim()).toBe('package-lock.json');
  });

  test('matches package.json, so `npm ci` installs exactly it', () => {
    const root = lock.packages[''] ?? {};
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(2);
    expect(root.dependencies ?? {}).toEqual(pkg.dependencies);
    expect(root.devDependencies ?? {}).toEqual(pkg.devDependencies);
  });

  test('marks no production dependency as development-only', () => {
    const devOnly = Object.keys(pkg.dependencies).filter(
      (name) => lock.packages[`node_modules/${name}`]?.dev === true,
    );
    expect(devOnly).toEqual([]);
  });

  test('is what CI installs from (`npm ci`)', () => {
    expect(readFileSync(join(ROOT, '.ci', 'run'), 'utf8')).toMatch(/^\s*npm ci\b/m);
  });
});
