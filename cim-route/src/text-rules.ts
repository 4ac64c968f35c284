/**
 * What text users may store for others to read. Control characters in a name or body would reach
 * other people's terminals, where escape sequences set window titles, write clipboards or clear
 * screens; clients render them inert anyway, but the route refuses them at the door.
 */

/** C0 controls, DEL and C1 controls. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** A body may break lines and indent; CR is refused too: it rewinds a terminal line. */
const CONTROL_IN_BODY = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
/** Bidi embeddings, overrides and isolates: in a name they disguise who or where it is. */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Why `body` may not be a message body, or undefined when it may. */
export function bodyTextProblem(body: string): string | undefined {
  const found = CONTROL_IN_BODY.exec(body);
  if (found)
    return `message body contains the control character ${codePoint(found[0])}; only line feed and tab are allowed`;
  return undefined;
}

/** The first control character or bidi override in `text`, which names and ids may not hold. */
function controlOrBidi(text: string): string | undefined {
  const found = CONTROL.exec(text) ?? BIDI_CONTROL.exec(text);
  return found ? codePoint(found[0]) : undefined;
}

/** Why `name` may not be a user or group name, or undefined when it may. */
export function nameTextProblem(name: string): string | undefined {
  const found = controlOrBidi(name);
  return found && `names may not contain control characters (found ${found})`;
}

/**
 * Why `id` may not be a clientMsgId, or undefined when it may. It travels to the recipients with
 * the message, so the same door as for names: no controls, no bidi overrides.
 */
export function clientMsgIdProblem(id: string): string | undefined {
  const found = controlOrBidi(id);
  return found && `clientMsgId may not contain control characters (found ${found})`;
}
