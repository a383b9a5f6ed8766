import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
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

  it('Ctrl-C while it prints: exit 130, no report, and neither the browser nor its temporary folder (the report\'s HTML) is left', async () => {
    const temp = path.join(dir, 'tmp-interrupted');
    await mkdir(temp);
    const out = path.join(dir, 'interrupted.pdf');
    const big = path.join(dir, 'big.inventory.json');
    await writeFile(big, JSON.stringify({ format: 'applink-advisor.inventory', version: 1, links: generatedEstate(600).map((d) => d.link) }));
    const child = spawn('node', ['bin/applink-advisor.mjs', 'report', big, '--format', 'pdf', '--out', out], { env: { ...process.env, TMPDIR: temp }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    // Interrupt once the browser is printing (its folder exists), as a person pressing Ctrl-C would.
    for (let i = 0; i < 200 && (await readdir(temp)).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await readdir(temp)).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 500));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toMatch(/Interrupted: the report was not written/);
    await expect(readFile(out)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(temp)).toEqual([]);
    const running: string[] = [];
    for (const pid of (await readdir('/proc')).filter((n) => /^\d+$/.test(n))) {
      const cmdline = await readFile(`/proc/${pid}/cmdline`, 'latin1').catch(() => '');
      if (cmdline.includes(temp)) running.push(cmdline.replace(/\0/g, ' '));
    }
    expect(running).toEqual([]);
  }, 120_000);
});
