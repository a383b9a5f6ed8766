import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { oneLine } from '../../../shared/present/terminalText.ts';
import { entryKind } from '../../workspace/confinement.ts';
import { generateSigningKeys, keyFingerprint } from '../../features/reports/reports.ts';
import { CliExit, usage, type CliIo } from '../args.ts';

export async function keygenCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
  if (!values.out) throw usage('keygen takes --out DIR: where to keep the key pair (not in a workspace). See applink-advisor --help.');
  const dir = path.resolve(values.out);
  if (entryKind(dir) === 'file' || entryKind(dir) === 'other') {
    throw new CliExit(2, `${oneLine(dir)} is a file, not a folder: keygen --out takes the folder to keep the key pair in.`);
  }
  const privateFile = path.join(dir, 'applink-advisor-signing.key');
  const publicFile = path.join(dir, 'applink-advisor-signing.pub');
  for (const file of [privateFile, publicFile]) {
    if (existsSync(file)) throw new CliExit(2, `${file} already exists; keygen never replaces a key.`);
  }
  const { privatePem, publicPem } = generateSigningKeys();
  await mkdir(dir, { recursive: true });
  await writeFile(privateFile, privatePem, { mode: 0o600, flag: 'wx' });
  await writeFile(publicFile, publicPem, { flag: 'wx' });
  io.out(`Private key (keep it safe; sign with report --sign-key or sign --key): ${privateFile}\nPublic key (give it to whoever checks reports: verify-report --key): ${publicFile}\nFingerprint of the key (tell it to them by another channel, to compare): ${keyFingerprint(publicPem)}\n`);
  return 0;
}
