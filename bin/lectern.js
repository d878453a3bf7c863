#!/usr/bin/env node
// The only place an exit code becomes the process's: everything else returns it.
// The CLI is one bundle (lib/lectern-cli.cjs, see scripts/bundle-cli.mjs), loaded by ./load-cli.js with V8's code
// cache; under --debug its source maps are read so stack traces name the files in src/. They are off otherwise:
// reading them costs start-up time.
import { loadCli } from './load-cli.js';

const debug = process.argv.includes('--debug');
if (debug) process.setSourceMapsEnabled(true);
const { main } = loadCli({ codeCache: !debug }).cli;

process.exitCode = await main(process.argv.slice(2));
