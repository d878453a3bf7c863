import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../../src/check/report.js';
import { hasBrowser } from '../helpers/browser.js';
import { runCli } from '../helpers/cli.js';
import { DEFAULT_DECK, SEED_ARTICLE } from '../helpers/paths.js';

describe.skipIf(!hasBrowser)('lectern check', () => {
  it('passes the seed article: nothing overflows, every sentence kept', async () => {
    const result = await runCli(['check', SEED_ARTICLE, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as CheckReport;
    expect(report.ok).toBe(true);
    expect(report.overflowing).toBe(0);
    expect(report.coverage.missing).toEqual([]);
    expect(report.slides.length).toBeGreaterThan(15);
    expect(report.slides.every((slide) => slide.overflowX <= 1 && slide.overflowY <= 1)).toBe(true);
  });

  it('prints a per-slide table and the coverage for the default deck', async () => {
    const result = await runCli(['check', DEFAULT_DECK]);
    expect(result.code, result.stderr).toBe(0);
    // The report is data: on stdout, so `lectern check x.md > report.txt` keeps it.
    expect(result.stdout).toMatch(/#\s+layout\s+overflow\s+fit\s+words\s+points\s+notes\s+time\s+title/);
    expect(result.stdout).toMatch(/0 overflowing/);
    expect(result.stdout).toMatch(/0 missing \(100\.0 %\)/);
    expect(result.stderr).not.toMatch(/overflowing/);
  });

  it('fails with exit code 8 and names the slide when a template makes a slide overflow', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-check-'));
    mkdirSync(join(dir, 'templates', 'layouts'), { recursive: true });
    // Forty lines of preformatted text cannot fit even at the 70 % floor: the slide overflows.
    const lines = Array.from({ length: 40 }, (_, line) => `line ${line + 1}`).join('\n');
    writeFileSync(join(dir, 'templates', 'layouts', 'points.hbs'), `<h2>{{title}}</h2>\n{{#each points}}<p>{{text}}</p>{{/each}}<pre>${lines}</pre>\n`);
    writeFileSync(join(dir, 'talk.md'), '---\ntitle: Tall\ntemplates: templates\n---\n\n## Part\n\nA sentence that sits on a points slide.\n');
    const result = await runCli(['check', join(dir, 'talk.md'), '--json', '--trust-article']);
    expect(result.code).toBe(8);
    const report = JSON.parse(result.stdout) as CheckReport;
    expect(report.ok).toBe(false);
    expect(report.overflowing).toBe(1);
    const tall = report.slides.find((slide) => slide.layout === 'points');
    expect(tall?.overflowY).toBeGreaterThan(200);
    expect(tall?.scale).toBeCloseTo(0.7, 1);
  });
});
