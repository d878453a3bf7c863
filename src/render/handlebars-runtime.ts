/**
 * Handlebars' runtime, all a build of precompiled templates needs. Imported statically so the CLI's bundle carries it
 * in its core, which V8's code cache covers (scripts/bundle-cli.mjs): required from node_modules instead, its 75 KB
 * were parsed and compiled again by every build, about 5 ms of a 300 ms build of the default deck. The single-file
 * build loads in a third of the time of the package's many CommonJS modules.
 */
import runtime from 'handlebars/dist/handlebars.runtime.js';

export const handlebarsRuntime = runtime;
