import { buildSync } from 'esbuild';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { getPriority } from 'node:os';
import { join, resolve } from 'node:path';
import { readPdf } from '../../testing/pdf-read';
import { importDocx } from '../import/import-docx';
import { sampleReportDocument } from '../sample';
import { RenderPool } from './render-pool';

jest.setTimeout(60_000);

/**
 * The workers load a compiled renderer, as in production (the API bundles render-worker.js).
 * Loading the TypeScript toolchain's native add-on in every worker thread of a Jest process
 * crashed it (SIGSEGV) now and then, so the test compiles the render module once with esbuild.
 */
// Inside the workspace (tmp/ is ignored by git) so that the external packages resolve.
const entry = join(resolve(__dirname, '../../../../../tmp'), `render-entry-${process.pid}`, 'render.js');
buildSync({
  entryPoints: [resolve(__dirname, '../render/render.ts')],
  outfile: entry,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  tsconfig: resolve(__dirname, '../../../tsconfig.lib.json'),
  alias: { '@trinhky/domain': resolve(__dirname, '../../../../domain/src/index.ts') },
  logLevel: 'silent',
});

describe('RenderPool', () => {
  it('renders on worker threads, queues beyond its size, keeps the event loop free and closes cleanly', async () => {
    const pool = new RenderPool({ size: 2, entry });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const docs = [1, 2, 3].map((n) => sampleReportDocument({ number: n }));
    const promises = docs.map((d) => pool.render(d));
    expect(pool.pending).toBe(1);
    const pdfs = await Promise.all(promises);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(3);
    for (const [i, pdf] of pdfs.entries()) {
      const { pages } = await readPdf(pdf);
      expect(pages[0].text).toMatch(new RegExp(`Số:\\s+0${i + 1}/`));
    }
    await pool.close();
    await expect(pool.render(docs[0])).rejects.toThrow(/closed/);
  });

  it('renders the .docx on a worker too, and the PDF alongside', async () => {
    const pool = new RenderPool({ size: 1, entry });
    const doc = sampleReportDocument({ number: 7 });
    const [docx, pdf] = await Promise.all([pool.renderDocx(doc), pool.render(doc)]);
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    expect((await importDocx(docx)).document.issuer).toEqual(doc.issuer);
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await pool.close();
  });

  it('rejects a job whose document cannot be rendered, and keeps working', async () => {
    const pool = new RenderPool({ size: 1, entry });
    await expect(pool.render({} as never)).rejects.toThrow();
    const ok = await pool.render(sampleReportDocument());
    expect(ok.subarray(0, 4).toString()).toBe('%PDF');
    await pool.close();
  });

  // Linux only (the mechanism is setpriority on a thread id): elsewhere workers keep normal priority.
  (existsSync('/proc/thread-self') ? it : it.skip)('runs its workers at a lower priority than the calling thread', async () => {
    const niceOfThreads = (): number[] =>
      readdirSync('/proc/self/task').map((t) => {
        try {
          // Field 19 of /proc/<pid>/task/<tid>/stat (after the "(comm)" field) is the nice value.
          return Number(readFileSync(`/proc/self/task/${t}/stat`, 'utf8').split(') ')[1].split(' ')[16]);
        } catch {
          return 0; // the thread ended meanwhile
        }
      });
    const before = niceOfThreads().filter((n) => n === 7).length;
    const pool = new RenderPool({ size: 2, entry, niceness: 7 });
    await Promise.all([pool.render(sampleReportDocument()), pool.render(sampleReportDocument())]);
    expect(niceOfThreads().filter((n) => n === 7).length - before).toBe(2);
    expect(getPriority()).toBe(0);
    await pool.close();
  });
});
