import type { z } from 'zod';

/** One problem found in user input, located by a JSON path such as `links[3].local.product`. */
export interface InputProblem {
  path: string;
  message: string;
}

/** Renders a path as `links[3].local.product`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_value':
      return `expected one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'unrecognized_keys':
      return `unexpected field(s) ${issue.keys.join(', ')}`;
    case 'too_big':
      return `expected at most ${String(issue.maximum)} ${issue.origin === 'string' ? 'characters' : 'items'}`;
    case 'too_small':
      return issue.origin === 'string' && issue.minimum === 1 ? 'expected a non-empty text' : issue.message;
    default:
      return issue.message;
  }
}

/** Turns a zod error into plain, located messages, one per problem. */
export function problemsFrom(error: z.ZodError, prefix: ReadonlyArray<PropertyKey> = []): InputProblem[] {
  return error.issues.map((issue) => ({ path: formatPath([...prefix, ...issue.path]), message: describe(issue) }));
}
