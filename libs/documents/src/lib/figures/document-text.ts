import type { Block, ReportDocument } from '@trinhky/domain';

/**
 * A report held as data (report.json) written back as plain lines in reading order, so the figure
 * checker reads it like an imported file; finding lines then refer to these lines.
 */
export function reportDocumentText(doc: ReportDocument): string {
  const out: string[] = [doc.kind, ...doc.subject];
  const walk = (blocks: Block[]) => {
    for (const b of blocks) {
      if (b.type === 'heading') {
        out.push(`${b.label} ${b.runs.map((r) => r.text).join('')}`.trim());
        walk(b.children);
      } else if (b.type === 'paragraph') out.push(b.runs.map((r) => r.text).join(''));
      else if (b.type === 'bullet') out.push(`${b.marker} ${b.runs.map((r) => r.text).join('')}`);
      else {
        out.push(['STT', ...b.header[b.header.length - 1].map((c) => c.text)].join(' '));
        for (const row of b.rows) out.push(row.map((c) => c.text).join(' '));
      }
    }
  };
  walk(doc.opening);
  walk(doc.body);
  if (doc.closing) out.push(doc.closing);
  out.push('Nơi nhận:', ...doc.distribution);
  for (const a of doc.annexes) {
    out.push((a as { label?: string }).label || 'Phụ lục', a.title);
    walk(a.blocks);
  }
  return out.join('\n');
}
