import { Box, Text, useInput } from 'ink';
import TextInput from 'ink-text-input';
import { useRef, useState } from 'react';
import { InputHistory } from './input-history.js';

export interface InputLineProps {
  /** Shown before the cursor: where a plain line goes. */
  prompt: string;
  onSubmit: (line: string) => void;
  disabled?: boolean;
}

export function InputLine({ prompt, onSubmit, disabled = false }: InputLineProps) {
  const [value, setValue] = useState('');
  // Ink re-subscribes input handlers in an effect after each render, so a key that arrives right
  // after a change (Enter after a paste) reaches a handler holding the previous value. The ref
  // always holds the latest one.
  const latest = useRef('');
  // TextInput keeps its cursor where it was when the value is replaced; a new key puts it at the end.
  const [recall, setRecall] = useState(0);
  const history = useRef(new InputHistory()).current;

  const update = (next: string) => {
    latest.current = next;
    setValue(next);
  };

  useInput(
    (_input, key) => {
      const recalled = key.upArrow ? history.previous(latest.current) : key.downArrow ? history.next() : undefined;
      if (recalled === undefined) return;
      update(recalled);
      setRecall((n) => n + 1);
    },
    { isActive: !disabled },
  );

  const submit = (line: string) => {
    history.add(line);
    update('');
    onSubmit(line);
  };

  // Ink hands over a paste (or fast input) as one chunk, line breaks included, and TextInput
  // would keep them in the value: each complete line is submitted as if Enter had been pressed.
  const change = (next: string) => {
    const lines = next.split(/\r\n|\r|\n/);
    const rest = lines.pop() ?? '';
    for (const line of lines) submit(line);
    update(rest);
  };

  return (
    <Box flexShrink={0}>
      <Box flexShrink={0} marginRight={1}>
        <Text color="magenta">{prompt}›</Text>
      </Box>
      <TextInput key={recall} value={value} onChange={change} onSubmit={() => submit(latest.current)} focus={!disabled} />
    </Box>
  );
}
