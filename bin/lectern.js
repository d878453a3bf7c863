#!/usr/bin/env node
// The only place an exit code becomes the process's: everything else returns it.
// The CLI is one bundle (lib/lectern-cli.js, see scripts/bundle-cli.mjs); under --debug its source maps are read so
// stack traces name the files in src/. They are off otherwise: reading them costs start-up time.
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
const { main } = await import('../lib/lectern-cli.js');

process.exitCode = await main(process.argv.slice(2));
