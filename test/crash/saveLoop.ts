import { WorkspaceStore } from '../../electron/services/workspaceStore.ts';
import { makeLink } from '../fixtures/links.ts';

// Child process of the crash test: saves links in a loop and acknowledges each save on stdout once the
// store has returned, exactly as the app acknowledges a save to the user. The parent kills it at random.
const [, , root, startArg] = process.argv;
if (!root) throw new Error('usage: saveLoop <workspace> [start]');
const store = new WorkspaceStore(root);
let counter = Number(startArg ?? 0);
for (;;) {
  const id = `link-${counter % 25}`;
  await store.save(makeLink({ id, name: `Save ${counter}`, notes: `counter=${counter};`.repeat(1 + (counter % 40)) }));
  process.stdout.write(`ACK ${id} ${counter}\n`);
  counter++;
}
