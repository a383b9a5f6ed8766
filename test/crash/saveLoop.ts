import { WorkspaceStore } from '../../electron/workspace/store.ts';
import { makeLink } from '../fixtures/links.ts';

// Child process of the crash tests: writes in a loop and acknowledges each write on stdout once the
// store has returned, exactly as the app acknowledges a save to the user. The parent kills it at random.
//   single <dir> <start>: saves one link at a time
//   bulk <dir> <start>:   saves 30 links at once, and every fourth round deletes them all at once
const [, , mode, root, startArg] = process.argv;
if (!root || (mode !== 'single' && mode !== 'bulk')) throw new Error('usage: saveLoop single|bulk <workspace> [start]');
const store = new WorkspaceStore(root);
let counter = Number(startArg ?? 0);
const BATCH = Array.from({ length: 30 }, (_, i) => `batch-${i}`);
process.stdout.write('READY\n');
for (;;) {
  if (mode === 'single') {
    const id = `link-${counter % 25}`;
    await store.save(makeLink({ id, name: `Save ${counter}`, notes: `counter=${counter};`.repeat(1 + (counter % 40)) }));
    process.stdout.write(`ACK ${id} ${counter}\n`);
  } else if (counter % 4 === 0) {
    await store.delete(BATCH);
    process.stdout.write(`DEL batch ${counter}\n`);
  } else {
    await store.saveMany(BATCH.map((id) => makeLink({ id, name: `Generation ${counter}` })));
    process.stdout.write(`SAVE batch ${counter}\n`);
  }
  counter++;
}
