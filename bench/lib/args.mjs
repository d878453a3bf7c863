// Command-line options shared by the bench scripts: node:util's parseArgs plus -h/--help, and a usage error
// (exit 2) instead of a stack trace for an unknown option.
import { parseArgs } from 'node:util';

export function benchArgs(options, help) {
  try {
    const { values } = parseArgs({ options: { ...options, help: { type: 'boolean', short: 'h', default: false } }, strict: true });
    if (values.help) {
      console.log(help);
      process.exit(0);
    }
    return values;
  } catch (error) {
    console.error(`${error.message}\n\n${help}`);
    process.exit(2);
  }
}
