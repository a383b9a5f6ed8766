import { existsSync } from 'node:fs';
import { acquireWorkspaceLock } from '../../electron/workspace/lock.ts';

// Child process of the lock race test: says READY, waits for the parent's go file (so two children
// contend at the same moment), tries to take the workspace lock once, and if it wins holds it a while.
//   lockTaker <workspace> <go file> <hold ms>
const [, , root, goFile, holdArg] = process.argv;
if (!root || !goFile || !holdArg) throw new Error('usage: lockTaker <workspace> <go file> <hold ms>');
process.stdout.write('READY\n');
while (!existsSync(goFile)) {
  // Busy-wait: a timer's granularity would spread the two children apart.
}
const lock = await acquireWorkspaceLock(root, `lock race ${process.pid}`);
if (lock.held) {
  const from = Date.now();
  await new Promise((resolve) => setTimeout(resolve, Number(holdArg)));
  process.stdout.write(`HELD ${from} ${Date.now()}\n`);
  await lock.release();
} else {
  process.stdout.write('REFUSED\n');
}
