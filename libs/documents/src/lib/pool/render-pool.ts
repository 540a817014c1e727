import type { ReportDocument } from '@trinhky/domain';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RenderOptions } from '../render/definition';
import type { DocumentSlots } from '../render/slots';

export interface RenderPoolOptions {
  /** Number of worker threads (default 2). */
  size?: number;
  /** Module exporting `renderReportPdf` (absolute path); defaults to this library's render module (.ts under ts-jest/swc, .js when compiled). */
  entry?: string;
  /** Path aliases for a .ts entry (e.g. `@trinhky/domain` → libs/domain/src/index.ts). */
  aliases?: Record<string, string>;
  /**
   * Scheduling niceness of each worker thread (Linux: setpriority on the thread id; default 10), so
   * that on a busy machine the API's own thread wins the CPU over long renders. 0 leaves it alone.
   */
  niceness?: number;
}

interface Job {
  id: number;
  /** pdf (renderReportPdfLaidOut, else renderReportPdf) or docx (renderReportDocx) of the entry module. */
  format: 'pdf' | 'docx';
  doc: ReportDocument;
  opts: RenderOptions;
  resolve: (r: { pdf: Buffer; slots: DocumentSlots }) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
}

/** Worker source: a string, so nothing has to be copied next to the compiled output. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Module = require('node:module');
if (workerData.niceness) {
  // Linux threads are tasks: lower this thread's priority only (the API's main thread keeps its own).
  try {
    const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
    if (tid > 0) require('node:os').setPriority(tid, workerData.niceness);
  } catch (e) { /* not Linux, or not permitted: run at normal priority */ }
}
if (workerData.entry.endsWith('.ts')) {
  require(require.resolve('@swc-node/register', { paths: [workerData.root] }));
  const aliases = workerData.aliases || {};
  const original = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) { return original.call(this, aliases[request] || request, ...rest); };
}
const renderers = require(workerData.entry);
async function renderJob(msg, opts) {
  if (msg.format === 'docx') {
    if (typeof renderers.renderReportDocx !== 'function') throw new Error('the render entry does not export renderReportDocx');
    return { pdf: await renderers.renderReportDocx(msg.doc, opts), slots: {} };
  }
  if (typeof renderers.renderReportPdfLaidOut === 'function') return renderers.renderReportPdfLaidOut(msg.doc, opts);
  return { pdf: await renderers.renderReportPdf(msg.doc, opts), slots: {} };
}
parentPort.on('message', async (msg) => {
  try {
    const opts = msg.opts || {};
    if (opts.now) opts.now = new Date(opts.now);
    const out = await renderJob(msg, opts);
    const bytes = new Uint8Array(out.pdf.length);
    bytes.set(out.pdf);
    parentPort.postMessage({ id: msg.id, ok: true, pdf: bytes, slots: out.slots }, [bytes.buffer]);
  } catch (e) {
    parentPort.postMessage({ id: msg.id, ok: false, error: (e && e.stack) || String(e) });
  }
});
`;

function defaultEntry(): { entry: string; aliases: Record<string, string> } {
  const ext = path.extname(__filename);
  const entry = path.resolve(__dirname, '..', 'render', `render${ext}`);
  const aliases: Record<string, string> =
    ext === '.ts' ? { '@trinhky/domain': path.resolve(__dirname, '../../../../domain/src/index.ts') } : {};
  return { entry, aliases };
}

/** Renders reports to PDF (and .docx) on worker threads so the caller's event loop stays free. */
export class RenderPool {
  private readonly size: number;
  private readonly entry: string;
  private readonly aliases: Record<string, string>;
  private readonly niceness: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(opts: RenderPoolOptions = {}) {
    this.size = Math.max(1, opts.size ?? 2);
    const d = defaultEntry();
    this.entry = opts.entry ?? d.entry;
    this.niceness = opts.niceness ?? 10;
    this.aliases = opts.aliases ?? d.aliases;
  }

  /** Jobs waiting for a free worker. */
  get pending(): number {
    return this.queue.length;
  }

  async render(doc: ReportDocument, opts: RenderOptions = {}): Promise<Buffer> {
    return (await this.renderLaidOut(doc, opts)).pdf;
  }

  /** The PDF and where its layout put the slots (number, date, signature room). */
  renderLaidOut(doc: ReportDocument, opts: RenderOptions = {}): Promise<{ pdf: Buffer; slots: DocumentSlots }> {
    return this.submit('pdf', doc, opts);
  }

  /** The report as .docx (renderReportDocx), on a worker like the PDF. */
  async renderDocx(doc: ReportDocument, opts: RenderOptions = {}): Promise<Buffer> {
    return (await this.submit('docx', doc, opts)).pdf;
  }

  private submit(format: Job['format'], doc: ReportDocument, opts: RenderOptions): Promise<{ pdf: Buffer; slots: DocumentSlots }> {
    if (this.closed) return Promise.reject(new Error('RenderPool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, format, doc, opts, resolve, reject });
      this.pump();
    });
  }

  /** Terminates the workers; queued jobs are rejected, running ones too. */
  async close(): Promise<void> {
    this.closed = true;
    for (const j of this.queue.splice(0)) j.reject(new Error('RenderPool closed'));
    await Promise.all(
      this.slots.splice(0).map(async (s) => {
        s.job?.reject(new Error('RenderPool closed'));
        s.job = null;
        await s.worker.terminate();
      }),
    );
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { entry: this.entry, aliases: this.aliases, niceness: this.niceness, root: path.resolve(__dirname, '../../../../..') },
    });
    const slot: Slot = { worker, job: null };
    worker.on('message', (msg: { id: number; ok: boolean; pdf?: Uint8Array; slots?: DocumentSlots; error?: string }) => {
      const job = slot.job;
      slot.job = null;
      if (job && job.id === msg.id) {
        if (msg.ok && msg.pdf)
          job.resolve({ pdf: Buffer.from(msg.pdf.buffer, msg.pdf.byteOffset, msg.pdf.byteLength), slots: msg.slots ?? {} });
        else job.reject(new Error(msg.error ?? 'render failed'));
      }
      this.pump();
    });
    worker.on('error', (err) => {
      slot.job?.reject(err);
      slot.job = null;
      this.replace(slot);
    });
    worker.on('exit', (code) => {
      if (this.closed) return;
      slot.job?.reject(new Error(`render worker exited with code ${code}`));
      slot.job = null;
      this.replace(slot);
    });
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private replace(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    void slot.worker.terminate();
    if (!this.closed) this.pump();
  }

  private pump(): void {
    while (this.queue.length) {
      let slot = this.slots.find((s) => !s.job);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const job = this.queue.shift() as Job;
      slot.job = job;
      slot.worker.ref();
      const { slots: _ignored, ...opts } = job.opts;
      slot.worker.postMessage({ id: job.id, format: job.format, doc: job.doc, opts: { ...opts, now: opts.now?.toISOString() } });
    }
    for (const s of this.slots) if (!s.job) s.worker.unref();
  }
}
