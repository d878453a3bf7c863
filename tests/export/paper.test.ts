import { describe, expect, it } from 'vitest';
import { paperFor } from '../../src/export/paper.js';

describe('paperFor', () => {
  it('is Letter where the language names a region that uses it, A4 elsewhere and for a bare language', () => {
    for (const lang of ['en-US', 'es-US', 'fr-CA', 'es-MX', 'en-ph']) expect(paperFor(lang), lang).toBe('letter');
    for (const lang of ['en', 'en-GB', 'fr', 'de-DE', 'zh', 'ar', 'he-IL', 'not a tag', '']) expect(paperFor(lang), lang).toBe('a4');
  });
});
