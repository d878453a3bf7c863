/**
 * The slide size, logo, brand colours, strict mode and the export defaults are settings like any other: one parser
 * and default in the table, one resolution order, and a config file sets them with its paths resolved against itself.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportSettingsOf } from '../../../src/api/commands.js';
import { ExitCode, LecternError } from '../../../src/errors.js';
import { loadConfig } from '../../../src/settings/config-file.js';
import { parseSettings, resolveSettings } from '../../../src/settings/resolve.js';
import { DECK_SETTINGS, EXPORT_SETTINGS } from '../../../src/settings/table.js';
import { DEFAULT_SLIDE_SIZE, SLIDE_SIZE_PRESETS } from '../../../src/slide-size.js';

const work = mkdtempSync(join(tmpdir(), 'lectern-settings-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const fail = (key: string, expected: string): never => {
  throw new LecternError(`${key} must be ${expected}`, { exitCode: ExitCode.usage });
};

describe('size, logo, brand and strict in the settings table', () => {
  it('default to the slide size named in src/slide-size.ts, no logo or brand, and not strict', () => {
    const settings = resolveSettings({});
    expect(settings.size).toEqual(SLIDE_SIZE_PRESETS[DEFAULT_SLIDE_SIZE]);
    expect(settings.logo).toBeUndefined();
    expect(settings.brand).toBeUndefined();
    expect(settings.strict).toBe(false);
  });

  it('resolve command line over front matter over config file; brand colour by colour', () => {
    const settings = resolveSettings({
      cli: { values: { brand: { accent: 'rgb(1, 1, 1)' } } },
      frontMatter: { values: { size: { width: 960, height: 700 }, brand: { text: 'rgb(2, 2, 2)' } } },
      config: {
        values: { size: { width: 1280, height: 800 }, logo: '/talks/logo.png', strict: true, brand: { accent: 'rgb(3, 3, 3)', background: 'rgb(4, 4, 4)' } },
      },
    });
    expect(settings.size).toEqual({ width: 960, height: 700 });
    expect(settings.logo).toBe('/talks/logo.png');
    expect(settings.strict).toBe(true);
    expect(settings.brand).toEqual({ accent: 'rgb(1, 1, 1)', text: 'rgb(2, 2, 2)', background: 'rgb(4, 4, 4)' });
    expect(settings.origin).toMatchObject({ size: 'frontMatter', logo: 'config', strict: 'config', brand: 'cli' });
  });

  it('parse with the table: a size by name or WIDTHxHEIGHT, colours checked one by one', () => {
    expect(parseSettings({ size: '4:3', brand: { accent: 'teal' }, strict: 'true' }, 'cli', fail).values).toEqual({
      size: { width: 960, height: 700 },
      brand: { accent: 'rgb(0, 128, 128)' },
      strict: true,
    });
    expect(() => parseSettings({ size: '5:4' }, 'cli', fail)).toThrow(`size must be ${DECK_SETTINGS.size.expected}`);
    expect(() => parseSettings({ brand: { accent: 'teal', border: 'red' } }, 'cli', fail)).toThrow(
      'brand must be one of accent, background, text, not `border`',
    );
    // An article may not make a build strict: front matter does not take it.
    expect(parseSettings({ strict: true }, 'frontMatter', fail).unknown).toEqual(['strict']);
  });
});

describe('a config file', () => {
  it('sets size, logo (against its own folder), brand and strict, and export defaults', async () => {
    const dir = join(work, 'project');
    mkdirSync(join(dir, 'talks'), { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{}\n');
    writeFileSync(
      join(dir, 'lectern.config.mjs'),
      "export default {\n  size: '4:3',\n  logo: 'brand/logo.png',\n  brand: { accent: 'teal' },\n  strict: true,\n  export: { format: 'pptx', paper: 'letter', slides: '1' },\n};\n",
    );
    const config = await loadConfig({ cwd: join(dir, 'talks') });
    expect(config?.values).toEqual({
      size: { width: 960, height: 700 },
      logo: join(dir, 'brand', 'logo.png'),
      brand: { accent: 'rgb(0, 128, 128)' },
      strict: true,
    });
    expect(config?.export).toEqual({ format: 'pptx', paper: 'letter' });
    // `slides` names slides of one export: only the command line (or the API's call) sets it.
    expect(config?.warnings.map((warning) => warning.message)).toEqual(['unknown export setting `export.slides` ignored']);
    expect(config?.warnings[0]?.location).toEqual({ file: join(dir, 'lectern.config.mjs'), line: 6 });
  });

  it('names the line of a bad size', async () => {
    const dir = join(work, 'bad-size');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{}\n');
    writeFileSync(join(dir, 'lectern.config.json'), '{\n  "wpm": 120,\n  "size": "wide"\n}\n');
    await expect(loadConfig({ cwd: dir })).rejects.toMatchObject({ message: `config: \`size\` must be ${DECK_SETTINGS.size.expected}`, location: { line: 3 } });
  });
});

describe('export settings', () => {
  const config = (exported: Record<string, unknown>): Parameters<typeof exportSettingsOf>[1] => ({
    file: 'lectern.config.json',
    values: {},
    export: exported,
    lines: {},
    warnings: [],
  });

  it('take the format from the caller, then the output name, then the config file, then the table', () => {
    expect(exportSettingsOf({}, undefined).format).toBe(EXPORT_SETTINGS.format.default);
    expect(exportSettingsOf({}, config({ format: 'pptx' })).format).toBe('pptx');
    expect(exportSettingsOf({ out: 'talk.txt' }, config({ format: 'pptx' })).format).toBe('txt');
    expect(exportSettingsOf({ format: 'html', out: 'talk.txt' }, config({ format: 'pptx' })).format).toBe('html');
    expect(exportSettingsOf({}, undefined).scale).toBe(EXPORT_SETTINGS.scale.default);
  });

  it('leave a config default for another format unused, and refuse a caller setting that does not fit', () => {
    expect(exportSettingsOf({ out: 'talk.pptx' }, config({ notes: true, paper: 'letter' }))).toMatchObject({ format: 'pptx', notes: false });
    expect(exportSettingsOf({ out: 'talk.pptx' }, config({ paper: 'letter' })).paper).toBeUndefined();
    expect(exportSettingsOf({ handout: true }, config({ notes: true, paper: 'letter' }))).toMatchObject({ notes: false, handout: true, paper: 'letter' });
    expect(() => exportSettingsOf({ out: 'talk.pptx', notes: true }, undefined)).toThrow('notes, handout and fragments are for the pdf format');
    expect(() => exportSettingsOf({ paper: 'a4' }, undefined)).toThrow('paper is for handout and the brief format');
    expect(() => exportSettingsOf({ paper: 'a3' as 'a4', handout: true }, undefined)).toThrow(`paper must be ${EXPORT_SETTINGS.paper.expected}`);
    expect(() => exportSettingsOf({ scale: 2, out: 'talk.pdf' }, undefined)).toThrow('scale is for the png format');
  });
});
