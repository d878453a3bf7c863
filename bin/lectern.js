#!/usr/bin/env node
// The only place an exit code becomes the process's: everything else returns it.
import { main } from '../lib/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
