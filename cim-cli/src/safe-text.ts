/**
 * Peer-supplied text (message bodies, user and group names, error messages) made safe to print
 * on a terminal. Raw, it could carry escape sequences that set the window title (OSC 0/2), write
 * the clipboard (OSC 52), plant hyperlinks (OSC 8), clear or repaint the screen (CSI), or reorder
 * what is shown (bidi overrides). Each such character is shown instead as inert `\u{1b}` text, so
 * the reader sees that something odd was sent; emoji and other printable Unicode pass unchanged.
 * The route refuses these characters in new input; this is the defence for everything else.
 */

/** C0 controls, DEL, C1 controls, bidi embeddings/overrides (U+202A–202E) and isolates (U+2066–2069). */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Terminals expand a tab to a column the layout does not know about; spaces keep widths right. */
const TAB = '    ';

function visible(char: string): string {
  return `\\u{${char.codePointAt(0)!.toString(16)}}`;
}

/**
 * For text that may span lines (a chat message body): keeps line breaks, spells out every other
 * control. Safe to apply twice.
 */
export function safeMultiline(text: string): string {
  return text.replace(UNSAFE, (char) => (char === '\n' ? '\n' : char === '\t' ? TAB : visible(char)));
}

/**
 * For text that must stay on one line (names, the status bar, one `cim tail` line per event): a
 * line break shows as `\n`, so a body cannot forge a line that looks like another message.
 */
export function safeInline(text: string): string {
  return text.replace(UNSAFE, (char) => (char === '\n' ? '\\n' : char === '\t' ? TAB : visible(char)));
}

/**
 * Characters JSON.stringify leaves raw (it escapes only C0) that a terminal still obeys or that
 * reorder the line; valid JSON keeps them only inside strings.
 */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON for a terminal: exactly `JSON.stringify(value)` once parsed, with DEL, C1 and bidi
 * controls written as `\uXXXX` escapes, so printing it drives nothing.
 */
export function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    UNSAFE_IN_JSON,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
