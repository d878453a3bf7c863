/** Run at install (`npm run compile`): builds the browser runtime once so that every deck build only copies it. */
import { ensureRuntime } from './runtime.js';

const runtime = await ensureRuntime();
process.stderr.write(`lectern: runtime ready in ${runtime.dir}\n`);
