import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedEstate } from '../fixtures/generatedEstate.ts';

const run = promisify(execFile);
let dir: string;
let inventory: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cli-progress-'));
  inventory = path.join(dir, 'estate.inventory.json');
  await writeFile(inventory, JSON.stringify({ format: 'applink-advisor.inventory', version: 1, links: generatedEstate(200).map((d) => d.link) }));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// The built command, as a person or a script runs it.
describe('report progress on the command line', () => {
  it('piped: stderr carries nothing extra, stdout only the result line', async () => {
    const out = path.join(dir, 'piped.pdf');
    const { stdout, stderr } = await run('node', ['bin/applink-advisor.mjs', 'report', inventory, '--summary', '--format', 'pdf', '--out', out]);
    expect(stderr).toBe('');
    expect(stdout).toBe(`Wrote a PDF executive summary of 200 links to ${out}.\n`);
  }, 120_000);

  it('on a terminal: each stage is written over the last, and the line is cleared at the end', async () => {
    const out = path.join(dir, 'tty.pdf');
    // script(1) gives the command a pseudo-terminal, as an administrator's shell would.
    const command = ['node', 'bin/applink-advisor.mjs', 'report', inventory, '--summary', '--format', 'pdf', '--out', out].map((a) => `'${a}'`).join(' ');
    const { stdout } = await run('script', ['-qec', command, '/dev/null']);
    expect(stdout).toMatch(/\r\u001b\[K\[0\/5\] Assessing 200 links…/);
    expect(stdout).toMatch(/\r\u001b\[K\[2\/5\] Printing \(first pass/);
    expect(stdout).toMatch(/\r\u001b\[K\[4\/5\] Sealing the PDF \(\d+ pages\)…/);
    expect(stdout).toMatch(/\r\u001b\[KWrote a PDF executive summary of 200 links/);
  }, 120_000);
});
