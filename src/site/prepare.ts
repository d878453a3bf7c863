/** Run by `npm run compile` (at `npm pack`, and by the repo's scripts when lib/ is stale): builds the browser runtime and precompiles the built-in templates once, so every deck build only copies and runs them. */
import { writeStopwordFiles } from '../outline/stopwords.js';
import { writePrecompiledTemplates } from '../render/precompiled.js';
import { ensureRuntime } from './runtime.js';

const runtime = await ensureRuntime();
process.stderr.write(`lectern: runtime ready in ${runtime.dir}\n`);
const templates = await writePrecompiledTemplates();
process.stderr.write(`lectern: ${templates} built-in templates precompiled\n`);
const stopwordLists = writeStopwordFiles();
process.stderr.write(`lectern: ${stopwordLists} stop-word lists written to lib/stopwords/\n`);
