import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import { contentSecurityPolicy, scriptHash, singleFilePolicy, speakerViewHashFile, speakerViewScriptHash } from '../../src/site/csp.js';

const SPEAKER_SCRIPT = 'window.speaker = 1;';
/** A stand-in for the bundled notes plugin: it document.write()s a page titled as Reveal's speaker view. */
const runtime = (page: string, quote = '`'): string => `var w = open();w.document.write(${quote}${page}${quote});`;
const speakerPage = `<html><head><title>reveal.js - Speaker View</title></head><body><script>${SPEAKER_SCRIPT}</script></body></html>`;
const sha = (text: string): string => `sha256-${createHash('sha256').update(text).digest('base64')}`;
const directives = (policy: string): Map<string, string> => new Map(policy.split('; ').map((part) => [part.split(' ')[0]!, part]));

describe('scriptHash', () => {
  it('is the SHA-256 of the UTF-8 text in base64, as CSP hash sources name it', () => {
    expect(scriptHash('')).toBe('sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
    expect(scriptHash('ü')).toBe(sha('ü'));
  });
});

describe('speakerViewScriptHash', () => {
  it('hashes the one inline script of the speaker view page, in any quoting of the string', () => {
    expect(speakerViewScriptHash(runtime(speakerPage))).toBe(sha(SPEAKER_SCRIPT));
    expect(speakerViewScriptHash(runtime(speakerPage, '"'))).toBe(sha(SPEAKER_SCRIPT));
    // Escapes are evaluated as JavaScript would: the hash is of the text the browser runs.
    expect(speakerViewScriptHash(runtime(speakerPage.replace('1;', '\\u0031;'), "'"))).toBe(sha(SPEAKER_SCRIPT));
  });

  it('fails loudly (exit 1, naming the file) when the runtime no longer has that shape', () => {
    const broken = [
      'console.log("no speaker view here")',
      runtime(speakerPage.replace(`<script>${SPEAKER_SCRIPT}</script>`, '')),
      runtime(speakerPage.replace('</body>', '<script>second()</script></body>')),
      runtime(speakerPage.replace('<script>', '<script src="x.js"></script><script>')),
      // An interpolation makes the page depend on run time: nothing constant to hash.
      runtime(speakerPage.replace(SPEAKER_SCRIPT, '${value}')),
    ];
    for (const js of broken) {
      expect(() => speakerViewScriptHash(js, 'runtime/lectern.js'), js).toThrow(
        expect.objectContaining({ exitCode: ExitCode.internal, location: { file: 'runtime/lectern.js' } }),
      );
    }
  });
});

describe('contentSecurityPolicy', () => {
  it('allows scripts from the site and the speaker view by hash, never inline or foreign code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-csp-'));
    const script = join(dir, 'lectern.js');
    writeFileSync(script, runtime(speakerPage));
    const policy = directives(await contentSecurityPolicy(script));
    expect(policy.get('script-src')).toBe(`script-src 'self' '${sha(SPEAKER_SCRIPT)}'`);
    expect(policy.get('object-src')).toBe("object-src 'none'");
    expect(policy.get('base-uri')).toBe("base-uri 'none'");
    expect(policy.get('form-action')).toBe("form-action 'none'");
    expect(policy.get('default-src')).toBe("default-src 'self'");
  });

  it('uses the hash the runtime build recorded beside the script, without parsing the script', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-csp-'));
    const script = join(dir, 'lectern.js');
    writeFileSync(script, 'not a runtime at all');
    writeFileSync(speakerViewHashFile(script), 'sha256-recorded=\n');
    expect(directives(await contentSecurityPolicy(script)).get('script-src')).toBe("script-src 'self' 'sha256-recorded='");
  });
});

describe('singleFilePolicy', () => {
  it('lists exactly the given script hashes and nothing by origin', () => {
    const policy = directives(singleFilePolicy(['sha256-aaa=', 'sha256-bbb=']));
    expect(policy.get('script-src')).toBe("script-src 'sha256-aaa=' 'sha256-bbb='");
    expect(policy.get('default-src')).toBe("default-src 'none'");
    expect(policy.get('font-src')).toBe('font-src data:');
    expect([...policy.values()].join('; ')).not.toMatch(/unsafe-eval|script-src[^;]*'self'/);
  });
});
