import { Box, Text, useInput } from 'ink';
import { useReducer, useRef } from 'react';
import { safeInline } from '../safe-text.js';
import { InputHistory } from './input-history.js';

export interface InputLineProps {
  /** Shown before the cursor: where a plain line goes. */
  prompt: string;
  onSubmit: (line: string) => void;
  disabled?: boolean;
}

/** The line being typed, as code points so that the cursor never splits an emoji. */
interface Draft {
  chars: string[];
  cursor: number;
}

const LINE_BREAK = /\r\n|\r|\n/;

/**
 * The input line: typing, editing at the cursor, history with up/down, Enter to submit.
 *
 * Ink hands each key to the handler subscribed at the last render, and re-subscribes only after
 * React has re-rendered. Keys that come faster than that (a typist after Enter, tmux send-keys, a
 * terminal that sends a paste in pieces) would each start from a stale value, and lines got glued
 * together or lost. So the draft lives in a ref that every key reads and writes at once; React state
 * only asks for the redraw.
 */
export function InputLine({ prompt, onSubmit, disabled = false }: InputLineProps) {
  const draft = useRef<Draft>({ chars: [], cursor: 0 });
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const history = useRef(new InputHistory()).current;

  const set = (text: string, cursor?: number) => {
    const chars = Array.from(text);
    draft.current = { chars, cursor: Math.max(0, Math.min(cursor ?? chars.length, chars.length)) };
    redraw();
  };

  const submit = (line: string) => {
    history.add(line);
    onSubmit(line);
  };

  // A paste (or fast input) comes as one chunk, line breaks included: each complete line is
  // submitted as if Enter had been pressed, and the unfinished rest stays in the input.
  const insert = (text: string) => {
    const { chars, cursor } = draft.current;
    const before = chars.slice(0, cursor).join('') + text;
    const after = chars.slice(cursor).join('');
    const lines = (before + after).split(LINE_BREAK);
    const rest = lines.pop()!;
    for (const line of lines) submit(line);
    set(rest, Array.from(rest).length - Array.from(after).length);
  };

  useInput(
    (input, key) => {
      const { chars, cursor } = draft.current;
      const text = chars.join('');
      if (key.upArrow || key.downArrow) {
        const recalled = key.upArrow ? history.previous(text) : history.next();
        if (recalled !== undefined) set(recalled);
      } else if (key.return) {
        set('');
        submit(text);
      } else if (key.leftArrow) {
        set(text, cursor - 1);
      } else if (key.rightArrow) {
        set(text, cursor + 1);
      } else if (key.backspace || key.delete) {
        if (cursor > 0) set([...chars.slice(0, cursor - 1), ...chars.slice(cursor)].join(''), cursor - 1);
      } else if (input && !key.ctrl && !key.meta && !key.tab && !key.escape) {
        insert(input);
      }
    },
    { isActive: !disabled },
  );

  const { chars, cursor } = draft.current;
  return (
    <Box flexShrink={0}>
      <Box flexShrink={0} marginRight={1}>
        <Text color="magenta">{safeInline(prompt)}›</Text>
      </Box>
      <Text>
        {safeInline(chars.slice(0, cursor).join(''))}
        {!disabled && <Text inverse>{safeInline(chars[cursor] ?? ' ')}</Text>}
        {safeInline(chars.slice(disabled ? cursor : cursor + 1).join(''))}
      </Text>
    </Box>
  );
}
