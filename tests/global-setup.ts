import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Compiles lib/ (and the runtime when its inputs changed) once, so CLI tests run the code under test. */
export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync('npm', ['run', '--silent', 'compile'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}
