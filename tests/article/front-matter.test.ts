import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseDuration, parseSimpleYaml, splitFrontMatter } from '../../src/article/front-matter.js';
import { LecternError } from '../../src/errors.js';

describe('front matter', () => {
  const simple = [
    'title: Harbour Lights',
    'title: "Quoted: with a colon"',
    "title: 'Single quoted'",
    'wpm: 150',
    'duration: 20m',
    'date: 2024-05-01',
    'author: R. Ferreira',
    'theme: ./styles/my-theme.css',
  ];

  it.each(simple)('reads `%s` without the YAML library, as YAML would', (line) => {
    const fast = parseSimpleYaml(line);
    expect(fast).toBeDefined();
    const full = parse(line) as Record<string, unknown>;
    const normalised = Object.fromEntries(Object.entries(full).map(([key, value]) => [key, value instanceof Date ? value.toISOString().slice(0, 10) : value]));
    expect(fast).toEqual(normalised);
  });

  it.each(['tags: [a, b]', 'title: Foo # comment', 'title: |\n  block', 'draft: true', 'a: 1\na: 2', 'title: "esc\\"aped"', '- item'])(
    'leaves `%s` to the full YAML reader',
    (text) => {
      expect(parseSimpleYaml(text)).toBeUndefined();
    },
  );

  it('gives the same metadata either way', () => {
    const { meta } = splitFrontMatter('---\ntitle: Tides\nwpm: 120\ndate: 2024-05-01\n---\nBody\n', 'a.md');
    const { meta: viaYaml } = splitFrontMatter('---\ntitle: Tides # the talk\nwpm: 120\ndate: 2024-05-01\n---\nBody\n', 'a.md');
    expect(meta).toEqual({ title: 'Tides', wpm: 120, date: '2024-05-01' });
    expect(viaYaml).toEqual(meta);
  });

  it('parses talk lengths', () => {
    expect(parseDuration('20m')).toBe(1200);
    expect(parseDuration('1h30m')).toBe(5400);
    expect(parseDuration('90s')).toBe(90);
    expect(parseDuration('1:30:00')).toBe(5400);
    expect(parseDuration(15)).toBe(900);
    expect(parseDuration('soon')).toBeUndefined();
  });

  it('reports a value that YAML reads as an alias to no anchor (`*Bold*`) at its line, as invalid front matter', () => {
    const read = () => splitFrontMatter('---\ntitle: Tides\nsubtitle: *Bold*\n---\n\nBody.\n', 'alias.md');
    expect(read).toThrow(LecternError);
    expect(read).toThrow(/Unresolved alias/);
    try {
      read();
    } catch (error) {
      expect((error as LecternError).format()).toMatch(/^alias\.md:3:11: invalid front matter: .*quote a value/);
    }
  });
});
