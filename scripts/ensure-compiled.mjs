// Compiles lib/ and the runtime (`npm run compile`) when they are missing or older than src/, templates/ or the
// lock file, so `npm ci && npm run build` works in a fresh checkout. There is no `prepare` script: npm would list it
// as an install script of the published package; the package itself is compiled at `prepack`.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const newest = (path) => {
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(info.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
};
// The code cache of the CLI bundle is the last thing `compile` writes.
const compiled = statSync('lib/lectern-cli-core.cache', { throwIfNoEntry: false })?.mtimeMs ?? 0;
const sources = ['src', 'templates', 'package-lock.json', 'scripts/bundle-cli.mjs', 'scripts/code-cache.mjs', 'bin'];
if (compiled < Math.max(...sources.map(newest))) {
  const result = spawnSync('npm', ['run', '--silent', 'compile'], { stdio: 'inherit' });
  process.exitCode = result.status ?? 1;
}
