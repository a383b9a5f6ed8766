// Text printed by the CLI often comes from other people's files (a bundle's author, a link's name, a
// file name). Control characters in it could drive the terminal (colours, clearing the screen, moving
// the cursor back over a line) or forge a line of output, and bidirectional overrides can make text read
// differently from what it is. They are printed as visible \uXXXX escapes instead.

// C0 controls but tab and line feed, DEL, C1 controls, zero-width and direction marks, line/paragraph
// separators, bidi embeddings, overrides and isolates, the byte-order mark.
// A carriage return right before a line feed (CSV's CRLF) moves nothing: it stays.
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|\r(?!\n)/g;
const UNSAFE_IN_A_FIELD = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Output made safe for a terminal: every control character but tab, line feed and the CR of a CRLF escaped. Inside a JSON
 * string the escape is the same character, so JSON output stays valid and means the same.
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escape);
}

/** One field of a table or message: line breaks and tabs escaped too, so it cannot forge a line. */
export function oneLine(text: string): string {
  return text.replace(UNSAFE_IN_A_FIELD, escape);
}
