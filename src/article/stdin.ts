/** Standard input, spelled one way: `-` on the command line, `<stdin>` as the article's file name once read. */
export const STDIN_ARGUMENT = '-';
export const STDIN_NAME = '<stdin>';

/** True for a source that is standard input, in either spelling. */
export function isStandardInput(source: string): boolean {
  return source === STDIN_ARGUMENT || source === STDIN_NAME;
}
