// Chromium through the project's own playwright-core: first-slide bytes of a built deck.
// Every request that is not for 127.0.0.1 (or a data:/blob: URL) is blocked and counted.
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run',
];

let pw = null;
/** playwright-core from the repo root's node_modules, or null with the reason. */
export async function loadPlaywright() {
  if (pw) return pw;
  try {
    pw = await import('playwright-core');
    return pw;
  } catch (e) {
    return { error: `playwright-core not importable (${e.code ?? e.message}); run npm install in the repo root` };
  }
}

/** Launches the system Chromium; the caller closes it in finally. */
export async function launch() {
  const mod = await loadPlaywright();
  if (mod.error) throw new Error(mod.error);
  return mod.chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** A fresh page that only reaches 127.0.0.1; returns { page, context, blocked[], responses[] }. */
export async function localPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const blocked = [];
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.protocol === 'data:' || u.protocol === 'blob:' || u.hostname === '127.0.0.1') return route.continue();
    blocked.push(u.href);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  const finished = [];
  page.on('requestfinished', (req) => finished.push(req));
  return { page, context, blocked, finished };
}

/** Waits until the deck shows its first slide: Reveal ready, or for other decks the load event and a section. */
export async function waitFirstSlide(page, timeout) {
  await page.waitForFunction(() => {
    const r = window.Reveal;
    if (r && typeof r.isReady === 'function') return r.isReady() && !!document.querySelector('.reveal .slides section');
    return document.readyState === 'complete' && !!document.querySelector('section');
  }, null, { timeout, polling: 50 });
}

/** Slides in the loaded deck: Reveal's own count, Marp's svg-wrapped sections, or top-level sections. */
export async function countSlides(page) {
  return page.evaluate(() => {
    if (window.Reveal?.getTotalSlides) return window.Reveal.getTotalSlides();
    const marp = document.querySelectorAll('svg[data-marpit-svg]').length;
    return marp || document.querySelectorAll('body section').length;
  });
}

/** Loads url, waits for the first slide and network quiet; returns { bytes, requests, blocked, slides }. */
export async function firstSlideBytes(browser, url, { timeout = 60000 } = {}) {
  const { page, context, blocked, finished } = await localPage(browser);
  try {
    await page.goto(url, { waitUntil: 'load', timeout });
    await waitFirstSlide(page, timeout);
    await page.waitForLoadState('networkidle', { timeout }).catch(() => {});
    const slides = await countSlides(page);
    let bytes = 0;
    for (const req of finished) {
      if (!req.url().startsWith('http')) continue;
      const sizes = await req.sizes().catch(() => null);
      if (sizes) bytes += sizes.responseBodySize;
    }
    return { bytes, requests: finished.length, blocked, slides };
  } finally {
    await context.close().catch(() => {});
  }
}
