import { parseArgs } from 'node:util';
import { keyFingerprint, verifyReport } from '../../features/reports/reports.ts';
import { CliExit, readInput, usage, type CliIo } from '../args.ts';

export async function verifyReportCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { key: { type: 'string' } } });
  if (positionals.length !== 1) throw usage('verify-report takes one report file. See applink-advisor --help.');
  const file = positionals[0]!;
  const content = await readInput(file, true);
  const publicPem = values.key ? await readInput(values.key) : undefined;
  const result = verifyReport(content, publicPem);
  if (result.status === 'unsealed') throw new CliExit(2, `${file}: not an Applink Advisor report (no integrity marker).`);
  if (result.status === 'modified') {
    throw new CliExit(1, `${file}: MODIFIED — its content does not match the SHA-256 it carries (recorded ${result.recorded}, content ${result.actual}).`);
  }
  const unchanged = `${file}: intact — unchanged since it was sealed (SHA-256 ${result.recorded})`;
  if (publicPem !== undefined && !result.signatureValid) {
    throw new CliExit(1, `${unchanged}, but ${result.signature ? `its signature does not match the key ${keyFingerprint(publicPem)} (${values.key}): it was not signed by that key` : 'it is not signed, so nothing proves who made it'}.`);
  }
  if (result.signatureValid) io.out(`${unchanged}; signed by the key ${keyFingerprint(publicPem!)} (${values.key}).\n`);
  else if (result.signature) io.out(`${unchanged}; signed — pass --key PUBLIC.pem to check who signed it.\n`);
  else io.out(`${unchanged}. A digest alone does not prove who made it (anyone can recompute one); sign reports (report --sign-key, or applink-advisor sign) to prove origin.\n`);
  return 0;
}
