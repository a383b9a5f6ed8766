import type { ImportChoices } from './buildImport.ts';

const normal = (name: string) => name.replace(/\\/g, '/').replace(/^\.\//, '');

/**
 * Which imported file a FILE given on the command line means: its name as the preview shows it, or a
 * path ending with that name (`exports/jira/authentication-x.json` for `jira/authentication-x.json`),
 * or the end of a name when only one name ends so.
 */
export function fileNamed(given: string, names: readonly string[]): { name: string } | { problem: string } {
  const wanted = normal(given);
  const exact = names.filter((n) => normal(n) === wanted);
  const found = exact.length ? exact : names.filter((n) => wanted.endsWith(`/${normal(n)}`) || normal(n).endsWith(`/${wanted}`));
  if (found.length === 1) return { name: found[0]! };
  if (found.length > 1) return { problem: `"${given}" could be any of ${found.join(', ')}: give the name as the preview shows it` };
  return { problem: `"${given}" is not one of the files being imported` };
}

/** Reads `--attach FILE=LINK_ID` and `--skip FILE` against the files being imported. */
export function readChoiceFlags(attach: readonly string[], skip: readonly string[], names: readonly string[]): { choices: Required<ImportChoices>; problems: string[] } {
  const problems: string[] = [];
  const attached: Record<string, string> = {};
  const skipped: string[] = [];
  for (const given of attach) {
    const at = given.lastIndexOf('=');
    if (at <= 0 || at === given.length - 1) {
      problems.push(`--attach takes FILE=LINK_ID, not "${given}"`);
      continue;
    }
    const file = fileNamed(given.slice(0, at), names);
    if ('problem' in file) problems.push(`--attach ${given}: ${file.problem}`);
    else attached[file.name] = given.slice(at + 1).trim();
  }
  for (const given of skip) {
    const file = fileNamed(given, names);
    if ('problem' in file) problems.push(`--skip ${given}: ${file.problem}`);
    else if (attached[file.name] !== undefined) problems.push(`${file.name} is both attached (--attach) and left out (--skip): choose one`);
    else skipped.push(file.name);
  }
  return { choices: { attach: attached, skip: skipped }, problems };
}
