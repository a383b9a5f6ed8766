import { parseArgs } from 'node:util';
import { writeFileAtomic } from '../../workspace/atomicWrite.ts';
import { signExistingReport, signingKey } from '../../features/reports/reports.ts';
import { newOutputFile, readInput, usage, type CliIo } from '../args.ts';

export async function signCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { key: { type: 'string' }, out: { type: 'string' } } });
  if (positionals.length !== 1 || !values.key || !values.out) throw usage('sign takes one report file, --key PRIVATE.key and --out FILE. See applink-advisor --help.');
  const file = positionals[0]!;
  const target = newOutputFile(values.out);
  const key = signingKey(await readInput(values.key), values.key);
  await writeFileAtomic(target, signExistingReport(await readInput(file, true), key, file));
  io.out(`Signed ${file} as ${target}: its digest changed with the signature slot; check it with verify-report --key PUBLIC.pem.\n`);
  return 0;
}
