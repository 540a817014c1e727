/**
 * `npm run cli -- verify-edxml <file.edxml|status.xml> [--trust roots.pem] [--json]`: checks the detached
 * CMS signature an edXML envelope or status message carries (docs/edxml.md): intact, chained to the
 * trust list (TRUST_LIST, else DATA_DIR/pki/trust-list.pem), certificates valid now. Exit 0 when valid.
 */
import * as fs from 'node:fs';
import { verifyEdxmlSignature } from '@trinhky/documents';
import { inputAndTrust } from './verify-pdf';

export function verifyEdxmlCommand(file: string, argv: string[]): number {
  const pems = inputAndTrust(file, argv);
  if (!pems) return 2;
  const check = verifyEdxmlSignature(fs.readFileSync(file), pems);
  if (argv.includes('--json')) process.stdout.write(`${JSON.stringify(check, null, 2)}\n`);
  else {
    const lines = [check.message];
    if (check.signer)
      lines.push(`  Người ký: ${check.signer.commonName}${check.signer.organisation ? ` — ${check.signer.organisation}` : ''}`);
    if (check.chain.length) lines.push(`  Chuỗi chứng thư: ${check.chain.join(' → ')}${check.trusted ? ' (tin cậy)' : ' (không tin cậy)'}`);
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return check.status === 'valid' ? 0 : 1;
}
