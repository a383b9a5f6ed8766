import { OperationError } from '../../shared/contract/operationError.ts';
import { oneLine, terminalSafe } from '../../shared/present/terminalText.ts';
import { describeFileError, describePathError } from '../app/fileErrors.ts';
import { CliExit, type CliIo } from './args.ts';
import { assessCommand } from './commands/assess.ts';
import { checklistCommand } from './commands/checklist.ts';
import { collectorCommand } from './commands/collector.ts';
import { exportBundleCommand } from './commands/exportBundle.ts';
import { importCommand } from './commands/import.ts';
import { importBundleCommand } from './commands/importBundle.ts';
import { keygenCommand } from './commands/keygen.ts';
import { listCommand } from './commands/list.ts';
import { serversCommand } from './commands/servers.ts';
import { planCommand } from './commands/plan.ts';
import { reportCommand } from './commands/report.ts';
import { signCommand } from './commands/sign.ts';
import { triageCommand } from './commands/triage.ts';
import { verifyReportCommand } from './commands/verifyReport.ts';
import { workspaceCommand } from './commands/workspace.ts';
import { HELP } from './help.ts';
import { messageOf } from '../../shared/model/messageOf.ts';

export type { CliIo } from './args.ts';
export { HELP } from './help.ts';

type Command = (args: string[], io: CliIo, version: string) => Promise<number>;

/** Each command of the command line; a new command is one file in commands/ and one line here (and in help.ts). */
const COMMANDS: Record<string, Command> = {
  assess: assessCommand,
  checklist: checklistCommand,
  workspace: workspaceCommand,
  list: listCommand,
  servers: serversCommand,
  plan: planCommand,
  import: importCommand,
  report: reportCommand,
  keygen: keygenCommand,
  'verify-report': verifyReportCommand,
  sign: signCommand,
  'export-bundle': exportBundleCommand,
  'import-bundle': importBundleCommand,
  collector: collectorCommand,
  triage: triageCommand,
};

const processIo: CliIo = {
  out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t),
  // A line rewritten in place is for a person watching; a pipe or a log file gets nothing extra.
  ...(process.stderr.isTTY ? { progress: (t: string) => process.stderr.write(`\r\u001b[K${t}`) } : {}),
};

/** Runs the command line; returns the exit status. */
export async function runCli(argv: string[], output: CliIo = processIo, version = '0.0.0'): Promise<number> {
  const [command, ...rest] = argv;
  // Everything printed passes here: text from other people's files never drives the terminal.
  const io: CliIo = { out: (text) => output.out(terminalSafe(text)), err: (text) => output.err(terminalSafe(text)), ...(output.progress ? { progress: (text: string) => output.progress!(terminalSafe(text)) } : {}) };
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    io.out(HELP);
    return command === undefined ? 64 : 0;
  }
  if (command === '-v' || command === '--version') {
    io.out(`${version}\n`);
    return 0;
  }
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!run) {
    io.err(`Unknown command "${command}". See applink-advisor --help.\n`);
    return 64;
  }
  try {
    return await run(rest, io, version);
  } catch (error) {
    return exitFor(error, io);
  }
}

/** The exit status of a command that threw, after saying why in plain words. */
function exitFor(error: unknown, io: CliIo): number {
  if (error instanceof CliExit) {
    io.err(`${error.message}\n`);
    return error.status;
  }
  // Messages can quote a file's content (a key zod did not expect, a JSON parser's snippet): one line each.
  if (error instanceof OperationError) {
    io.err(`${oneLine(error.message)}\n`);
    return 2;
  }
  const pathError = describePathError(error);
  if (pathError) {
    io.err(`${pathError}\n`);
    return 2;
  }
  const fileError = describeFileError(error);
  if (fileError) {
    io.err(`${fileError}\n`);
    return 1;
  }
  // parseArgs reports a wrong command line by throwing; say it in one line.
  if (String((error as { code?: unknown } | null)?.code ?? '').startsWith('ERR_PARSE_ARGS')) {
    io.err(`${messageOf(error)}\nSee applink-advisor --help.\n`);
    return 64;
  }
  io.err(`The command failed: ${messageOf(error)}\n`);
  return 1;
}
