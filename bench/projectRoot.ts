import { join } from 'node:path';

/** The project root (bench files are compiled to dist/bench/). */
export const PROJECT_ROOT = join(__dirname, __dirname.includes(join('dist', 'bench')) ? '../..' : '..');
