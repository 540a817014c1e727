/** Runs poppler's `pdfsig` (an independent verifier, tests only) and reads its report. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PdfsigSignature {
  validation: string;
  certificate: string;
  total: boolean;
  subFilter: string;
  ranges: string;
}

function need(cmd: string, pkg: string): void {
  if (spawnSync('sh', ['-c', `command -v ${cmd}`]).status !== 0)
    throw new Error(`This test needs \`${cmd}\`: install the Debian package ${pkg} (apt-get install ${pkg}).`);
}

export const hasCertutil = (): boolean => spawnSync('sh', ['-c', 'command -v certutil']).status === 0;

/** An NSS database trusting `rootPem` as a CA (needs certutil, Debian libnss3-tools). */
export function nssTrusting(rootPem: string): string {
  need('certutil', 'libnss3-tools');
  const dir = mkdtempSync(join(tmpdir(), 'nss-'));
  execFileSync('certutil', ['-N', '-d', `sql:${dir}`, '--empty-password']);
  writeFileSync(join(dir, 'root.pem'), rootPem);
  execFileSync('certutil', ['-A', '-d', `sql:${dir}`, '-n', 'trinhky-demo-root', '-t', 'CT,C,C', '-a', '-i', join(dir, 'root.pem')]);
  return dir;
}

/** pdfsig's verdict per signature; `nssDir` to validate the chain, else `-nocert`. */
export function pdfsig(pdf: Buffer, nssDir?: string): PdfsigSignature[] {
  need('pdfsig', 'poppler-utils');
  const file = join(mkdtempSync(join(tmpdir(), 'pdfsig-')), 'f.pdf');
  writeFileSync(file, pdf);
  // No `-no-ocsp`: poppler 22.12's OCSP-disabled policy makes NSS fail every chain with a generic
  // error ("Unknown issue with Certificate"); the demo certificates carry no OCSP address, so the
  // default soft-fail policy never goes to the network.
  const args = [...(nssDir ? ['-nssdir', `sql:${nssDir}`] : ['-nocert']), file];
  const run = spawnSync('pdfsig', args, { encoding: 'utf8' });
  const out = run.stdout;
  return out
    .split(/^Signature #\d+:$/m)
    .slice(1)
    .map((block) => ({
      validation: block.match(/Signature Validation: (.*)/)?.[1]?.trim() ?? '',
      certificate: block.match(/Certificate Validation: (.*)/)?.[1]?.trim() ?? '',
      total: /Total document signed/.test(block) && !/Not total document signed/.test(block),
      subFilter: block.match(/Signature Type: (.*)/)?.[1]?.trim() ?? '',
      ranges: block.match(/Signed Ranges: (.*)/)?.[1]?.trim() ?? '',
    }));
}
