import { describe, expect, it } from 'vitest';
import { mayLinkWithinDeck, slicePage } from '../../src/render/slice-page.js';

describe('mayLinkWithinDeck', () => {
  it('finds every link tag that can hold a fragment, however it is written', () => {
    for (const html of [
      '<p>See <a href="#s-tides">the tides</a>.</p>',
      '<a title="low > high" href="#s-tides">tides</a>',
      "<a href='#s-tides'>tides</a>",
      '<a href=#s-tides>tides</a>',
      '<A HREF="#s-tides">tides</A>',
      '<a href="&#35;s-tides">tides</a>',
      '<a href="&#x23;s-tides">tides</a>',
      '<a href="&num;s-tides">tides</a>',
      '<svg><a xlink:href="#s-tides"><text>tides</text></a></svg>',
      '<map name="harbour"><area shape="rect" coords="0,0,9,9" href="#s-tides"></map>',
      '<a\nhref="#s-tides">tides</a>',
      // An outside address with a fragment counts too: it costs only time.
      '<a href="https://example.org/tides#march">tides</a>',
    ]) {
      expect(mayLinkWithinDeck(html), html).toBe(true);
    }
  });

  it('leaves out slides with no such tag', () => {
    for (const html of [
      '<p>Tide #4 came at noon.</p>',
      '<a href="https://example.org/tides">tides</a>',
      '<abbr title="#1">first</abbr>',
      '<p style="color: #123456">tinted</p>',
      '<aside class="notes"><p>Ask about #tides.</p></aside>',
    ]) {
      expect(mayLinkWithinDeck(html), html).toBe(false);
    }
  });
});

describe('slicePage', () => {
  const slides = ['<section id="a"></section>', '<section id="b"></section>', '<section id="c"></section>', '<section id="d"></section>'];
  const page = '<html><body><div class="reveal"><div class="slides">SLICE</div></div><script src="x.js"></script></body></html>';

  it('is the page itself when no slide may link within the deck', () => {
    expect(slicePage(page, slides, 1, 3, false)).toBe(page);
  });

  it('carries the other slides out of sight, after the deck and before the end of the body', () => {
    const sliced = slicePage(page, slides, 1, 3, true);
    expect(sliced).toBe(
      '<html><body><div class="reveal"><div class="slides">SLICE</div></div><script src="x.js"></script>' +
        '<div hidden style="display: none !important">\n<section id="a"></section>\n<section id="d"></section>\n</div>\n</body></html>',
    );
    expect(slicePage('<div class="slides">SLICE</div>', slides, 0, 2, true)).toBe(
      '<div class="slides">SLICE</div><div hidden style="display: none !important">\n<section id="c"></section>\n<section id="d"></section>\n</div>\n',
    );
  });
});
