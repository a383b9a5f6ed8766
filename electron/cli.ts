import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { assessLink } from '../shared/engine/assessLink.ts';
import { checklistsFor } from '../shared/engine/checklist.ts';
import { parseInventory } from '../shared/model/inventory.ts';
import { checklistMarkdown } from '../shared/present/checklistDocument.ts';
import { verdictToJson, verdictToText } from '../shared/present/verdictReport.ts';

/** Where the CLI writes; tests pass collectors. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const processIo: CliIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

export const HELP = `applink-advisor — assess Atlassian application-link authentication offline

Usage:
  applink-advisor assess <inventory.json> [--format json|table]
  applink-advisor checklist <inventory.json> --link ID [--format json|md]
  applink-advisor --help | --version

Commands:
  assess <inventory.json>   Assess every link of an inventory file (format "applink-advisor.inventory",
                            version 1; see docs/inventory-format.md) and print the verdicts.

  checklist <inventory.json> --link ID
                            Print the migration checklists that apply to one link: the update path and
                            every item with its id, section, end, sources and state (all "open", since an
                            inventory file carries no progress). Locked checklists say why.

Options:
  --link ID                 The link of the checklist command.
  --format json|table|md    assess: table (default) or json; checklist: md (default) or json. assess json prints
                            {"links":[{"id","recommended","path","findings":[{"rule","code","severity",…}],
                            "updatePath","oauth2":{"status","blockers"},"checklists",…}]}.
  -h, --help                Show this help.
  -v, --version             Show the version.

Exit status:
  0  success
  2  the input could not be read or is not a valid inventory (one message per problem, with its JSON path);
     nothing is assessed from a broken file
  64 the command line is wrong

Applink Advisor never uses the network.
`;

async function assessCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { format: { type: 'string', default: 'table' } }, allowPositionals: true });
  if (positionals.length !== 1) {
    io.err('assess takes exactly one inventory file. See applink-advisor --help.\n');
    return 64;
  }
  if (values.format !== 'json' && values.format !== 'table') {
    io.err(`--format must be json or table, not "${values.format}".\n`);
    return 64;
  }
  const file = positionals[0] as string;
  const inventory = await readInventory(file, io);
  if (!inventory) return 2;
  const assessed = inventory.links.map((link) => ({ link, verdict: assessLink(link) }));
  if (values.format === 'json') {
    io.out(`${JSON.stringify({ links: assessed.map(({ link, verdict }) => verdictToJson(link, verdict)) }, null, 2)}\n`);
  } else {
    io.out(`${assessed.map(({ link, verdict }) => verdictToText(link, verdict)).join('\n\n')}\n`);
  }
  return 0;
}

async function readInventory(file: string, io: CliIo) {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    io.err(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)}).\n`);
    return null;
  }
  const inventory = parseInventory(text);
  if (!inventory.ok) {
    for (const problem of inventory.problems) io.err(`${file}: ${problem.path}: ${problem.message}\n`);
    io.err(`${file}: ${inventory.problems.length} problem(s); nothing was assessed.\n`);
    return null;
  }
  return inventory.value;
}

async function checklistCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { format: { type: 'string', default: 'md' }, link: { type: 'string' } }, allowPositionals: true });
  if (positionals.length !== 1 || !values.link) {
    io.err('checklist takes one inventory file and --link ID. See applink-advisor --help.\n');
    return 64;
  }
  if (values.format !== 'json' && values.format !== 'md') {
    io.err(`--format must be json or md for checklist, not "${values.format}".\n`);
    return 64;
  }
  const file = positionals[0] as string;
  const inventory = await readInventory(file, io);
  if (!inventory) return 2;
  const link = inventory.links.find((l) => l.id === values.link);
  if (!link) {
    io.err(`${file}: no link with id "${values.link}". Ids in this file: ${inventory.links.map((l) => l.id).join(', ')}.\n`);
    return 2;
  }
  const verdict = assessLink(link);
  const views = checklistsFor(link, verdict);
  if (values.format === 'json') {
    io.out(`${JSON.stringify({
      link: link.id, updatePath: verdict.updatePath,
      checklists: views.map((view) => ({
        id: view.id, title: view.title, updatePath: view.updatePath, locked: view.locked,
        items: view.sections.flatMap(({ section, items }) => items.map((item) => ({
          id: item.id, section, end: item.end, text: item.text, rule: item.rule ?? null, optional: item.optional === true, sources: item.sources, state: 'open',
        }))),
      })),
    }, null, 2)}\n`);
  } else if (views.length === 0) {
    io.out(`No migration checklist applies to ${link.id} (recommended: ${verdict.recommended}).\n`);
  } else {
    const generated = new Date().toISOString();
    io.out(views.map((view) => checklistMarkdown(link, view, undefined, generated)).join('\n---\n\n'));
  }
  return 0;
}

/** Runs the command line; returns the exit status. */
export async function runCli(argv: string[], io: CliIo = processIo, version = '0.0.0'): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.out(HELP);
        return command === undefined ? 64 : 0;
      case '-v':
      case '--version':
        io.out(`${version}\n`);
        return 0;
      case 'assess':
        return await assessCommand(rest, io);
      case 'checklist':
        return await checklistCommand(rest, io);
      default:
        io.err(`Unknown command "${command}". See applink-advisor --help.\n`);
        return 64;
    }
  } catch (error) {
    // parseArgs reports unknown options by throwing; say it in one line.
    io.err(`${error instanceof Error ? error.message : String(error)}\nSee applink-advisor --help.\n`);
    return 64;
  }
}
