// A helper thread's script (src/outline/shared-outline.ts): the CLI's core, loaded with V8's code cache as a build loads it
// but leaving V8's flags as the process has them (bin/load-cli.js), outlines the titled sections the main thread leaves to it.
import { loadCli } from './load-cli.js';

loadCli({ setFlags: false }).cli.serveOutlineHelper();
