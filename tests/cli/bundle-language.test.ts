import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareDeck } from '../../src/pipeline.js';
import { runCli } from '../helpers/cli.js';

/**
 * The CLI bundle keeps franc-min's trigrams only for the languages Lectern asks it about (scripts/bundle-cli.mjs).
 * The bundled CLI must guess every article's language as the sources, with franc's whole data, do.
 */
const ARTICLES: Record<string, string> = {
  en: 'The harbour wall was built of granite blocks that the tide could not move. Every winter the keepers checked each joint and filled the gaps with lime. The work was slow, but the wall still stands after two centuries of storms.',
  fr: 'Le mur du port fut construit avec des blocs de granit que la marée ne pouvait pas déplacer. Chaque hiver, les gardiens vérifiaient les joints et comblaient les fissures avec de la chaux. Le travail était lent, mais le mur tient toujours.',
  de: 'Die Hafenmauer wurde aus Granitblöcken gebaut, die die Flut nicht bewegen konnte. Jeden Winter prüften die Wärter jede Fuge und füllten die Lücken mit Kalk. Die Arbeit war langsam, aber die Mauer steht noch heute.',
  es: 'El muro del puerto se construyó con bloques de granito que la marea no podía mover. Cada invierno los guardianes revisaban cada junta y rellenaban los huecos con cal. El trabajo era lento, pero el muro sigue en pie.',
  it: 'Il muro del porto fu costruito con blocchi di granito che la marea non riusciva a spostare. Ogni inverno i custodi controllavano ogni giunto e riempivano le fessure con la calce. Il lavoro era lento, ma il muro è ancora in piedi.',
  nl: 'De havenmuur werd gebouwd van granietblokken die het getij niet kon verplaatsen. Elke winter controleerden de wachters elke voeg en vulden ze de gaten met kalk. Het werk ging langzaam, maar de muur staat er nog steeds.',
  ru: 'Стена гавани была построена из гранитных блоков, которые прилив не мог сдвинуть. Каждую зиму смотрители проверяли каждый шов и заполняли щели известью. Работа шла медленно, но стена стоит до сих пор.',
  // Mostly Latin letters with a Greek phrase: franc still reads it as Latin script.
  mixed:
    'The keepers wrote λιμάνι και τείχος on the first page of every logbook, then the dates of each repair. The ledger lists the granite, the lime and the names of the masons who came every spring to check the joints.',
};

describe('the bundled CLI guesses languages as the sources do', () => {
  it('for articles in several languages and scripts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-lang-'));
    const results = await Promise.all(
      Object.entries(ARTICLES).map(async ([name, text]) => {
        const file = join(dir, `${name}.txt`);
        writeFileSync(file, `${text}\n`);
        const result = await runCli(['build', file, '--json']);
        expect(result.code, result.stderr).toBe(0);
        const bundled = (JSON.parse(result.stdout) as { meta: { lang: string } }).meta.lang;
        const source = (await prepareDeck(file)).deck.meta.lang;
        return { name, bundled, source };
      }),
    );
    for (const { name, bundled, source } of results) expect(bundled, name).toBe(source);
    // The guesses themselves, so the comparison is not between two wrong answers.
    expect(Object.fromEntries(results.map(({ name, source }) => [name, source]))).toMatchObject({
      en: 'en',
      fr: 'fr',
      de: 'de',
      es: 'es',
      it: 'it',
      nl: 'nl',
      ru: 'ru',
    });
  });
});
