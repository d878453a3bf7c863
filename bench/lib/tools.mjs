// How each tool builds static HTML and exports PDF and PPTX: the command lines, where the output lands, which page to load.
import { existsSync } from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import { CHROMIUM, CHROMIUM_ARGS } from './browser.mjs';

export const ENV = {
  PUPPETEER_SKIP_DOWNLOAD: '1',
  PUPPETEER_EXECUTABLE_PATH: CHROMIUM,
  CHROME_PATH: CHROMIUM,
  NO_UPDATE_NOTIFIER: '1', // reveal-md would otherwise ask the npm registry for a newer version on every run
  BROWSERSLIST_IGNORE_OLD_DATA: '1',
};

/** Chromium flags the peers pass on (the tools' own flags are kept; these only switch off background traffic). */
const PEER_CHROME_ARGS = CHROMIUM_ARGS.filter((a) => a !== '--headless');

/** A free TCP port on 127.0.0.1 for tools that insist on their own server (reveal-md --print). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    }).on('error', reject);
  });
}

/** The tool table. paths: { root, bench }. Each build() / pdf() / pptx() returns { cmd, args, cwd, entry? }. */
export function makeTools({ root, bench }) {
  const bin = (name) => path.join(bench, 'node_modules', '.bin', name);
  const lecternBin = path.join(root, 'bin', 'lectern.js');
  return {
    lectern: {
      label: 'Lectern',
      available: () => existsSync(lecternBin),
      build: (src, outDir) => ({ cmd: process.execPath, args: [lecternBin, 'build', src, '--out', outDir], cwd: root, entry: 'index.html' }),
      pdf: (src, outFile) => ({ cmd: process.execPath, args: [lecternBin, 'export', src, '--format', 'pdf', '--out', outFile], cwd: root }),
      pptx: (src, outFile) => ({ cmd: process.execPath, args: [lecternBin, 'export', src, '--format', 'pptx', '--out', outFile], cwd: root }),
      png: (src, outDir) => ({ cmd: process.execPath, args: [lecternBin, 'export', src, '--format', 'png', '--scale', '1', '--out', outDir], cwd: root }),
      dev: (src, port) => ({ cmd: process.execPath, args: [lecternBin, 'dev', src, '--port', String(port)], cwd: root }),
    },
    marp: {
      label: 'Marp CLI',
      available: () => existsSync(bin('marp')),
      build: (src, outDir) => ({ cmd: bin('marp'), args: [src, '-o', path.join(outDir, 'index.html')], cwd: path.dirname(src), entry: 'index.html' }),
      pdf: (src, outFile) => ({ cmd: bin('marp'), args: [src, '--pdf', '-o', outFile], cwd: path.dirname(src) }),
      // Marp's default PPTX: one picture per slide (its editable mode needs LibreOffice and is experimental)
      pptx: (src, outFile) => ({ cmd: bin('marp'), args: [src, '--pptx', '-o', outFile], cwd: path.dirname(src) }),
      // One image per slide, named deck.001.png onwards, 1280×720 (its default).
      png: (src, outDir) => ({ cmd: bin('marp'), args: [src, '--images', 'png', '-o', path.join(outDir, 'deck.png')], cwd: path.dirname(src) }),
    },
    revealmd: {
      label: 'reveal-md',
      available: () => existsSync(bin('reveal-md')),
      build: (src, outDir) => ({
        cmd: bin('reveal-md'), args: [src, '--static', outDir], cwd: path.dirname(src),
        entry: path.basename(src).replace(/\.md$/, '.html'),
      }),
      pdf: async (src, outFile) => ({
        cmd: bin('reveal-md'),
        args: [src, '--print', outFile, '--host', '127.0.0.1', '--port', String(await freePort()),
          '--puppeteer-chromium-executable', CHROMIUM, `--puppeteer-launch-args=${PEER_CHROME_ARGS.join(' ')}`],
        cwd: path.dirname(src),
      }),
    },
    // The machine's floor: Node's start (build), plus Chromium's start and a blank print of the same pages (PDF).
    floor: {
      label: 'Floor',
      available: () => existsSync(path.join(root, 'lib', 'browser', 'launch.js')),
      build: () => ({ cmd: process.execPath, args: ['-e', '0'], cwd: root }),
      pdf: (pages, outFile) => ({ cmd: process.execPath, args: [path.join(bench, 'floor-pdf.mjs'), String(pages), outFile], cwd: root }),
    },
    decktape: {
      label: 'decktape',
      available: () => existsSync(bin('decktape')),
      // url: a reveal-md static build of the same deck, served by the harness on 127.0.0.1
      pdf: (url, outFile) => ({
        cmd: bin('decktape'),
        args: ['reveal', url, outFile, '--chrome-path', CHROMIUM, ...PEER_CHROME_ARGS.map((a) => `--chrome-arg=${a}`)],
        cwd: bench,
      }),
    },
  };
}
