import { Box, useApp, useInput } from 'ink';
import { useEffect } from 'react';
import type { ChatController } from './chat-controller.js';
import { channelOfTarget } from './chat-view.js';
import { InputLine } from './InputLine.js';
import { MessageList } from './MessageList.js';
import { StatusBar } from './StatusBar.js';
import { useChat } from './use-chat.js';
import { useTerminalRows } from './use-terminal-rows.js';

/** Rows taken by the status bar and the input line. */
const CHROME_ROWS = 2;

export function App({ controller }: { controller: ChatController }) {
  const view = useChat(controller);
  const { exit } = useApp();
  const rows = useTerminalRows();

  useEffect(() => {
    if (view.exitCode !== undefined) exit();
  }, [view.exitCode, exit]);

  // Ctrl-C logs out like :q instead of leaving a session behind.
  useInput((input, key) => {
    if (key.ctrl && input === 'c') void controller.quit();
  });

  // One row short of the screen: a frame as tall as the terminal makes Ink clear and redraw it whole.
  const height = Math.max(rows - 1, CHROME_ROWS + 1);
  return (
    <Box flexDirection="column" height={height}>
      <MessageList lines={view.lines} height={height - CHROME_ROWS} />
      <StatusBar
        userName={view.userName}
        server={view.server}
        link={view.link}
        busy={view.busy}
        target={view.target}
        unread={view.unread}
      />
      <InputLine
        prompt={channelOfTarget(view.target)}
        onSubmit={(line) => void controller.submit(line)}
        disabled={view.exitCode !== undefined}
      />
    </Box>
  );
}
