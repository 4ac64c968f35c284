import { Box, Text } from 'ink';
import { formatTime } from '../format.js';
import { safeInline, safeMultiline } from '../safe-text.js';
import type { ChatLine, OwnStatus } from './chat-view.js';
import { EmojiTable } from './EmojiTable.js';

const STATUS_MARK: Record<OwnStatus, { text: string; color: string }> = {
  sending: { text: 'sending…', color: 'gray' },
  stored: { text: '✓ stored', color: 'gray' },
  delivered: { text: '✓✓ delivered', color: 'gray' },
  read: { text: '✓✓ read', color: 'blue' },
  sent: { text: '✓ sent', color: 'gray' },
  failed: { text: '✗ not sent', color: 'red' },
};

export interface MessageListProps {
  lines: readonly ChatLine[];
  /** Rows available; the newest lines fill them from the bottom and older ones scroll off the top. */
  height: number;
}

export function MessageList({ lines, height }: MessageListProps) {
  // A line takes at least one row, so more than `height` lines can never show.
  const visible = lines.slice(-Math.max(height, 1));
  return (
    <Box flexDirection="column" height={height} justifyContent="flex-end" overflow="hidden">
      {visible.map((line) => {
        switch (line.kind) {
          case 'system':
            return <SystemLine key={line.key} line={line} />;
          case 'emoji':
            return <EmojiTable key={line.key} page={line.page} pages={line.pages} entries={line.entries} />;
          case 'message':
            return line.notice ? <NoticeLine key={line.key} line={line} /> : <MessageLine key={line.key} line={line} />;
        }
      })}
    </Box>
  );
}

function SystemLine({ line }: { line: Extract<ChatLine, { kind: 'system' }> }) {
  return (
    <Box flexShrink={0}>
      <Text color={line.tone === 'error' ? 'yellow' : 'gray'} wrap="wrap">
        {`-- ${safeInline(line.text)}`}
      </Text>
    </Box>
  );
}

/** "09:05 #team -- alice added bob": news about the conversation, in the words the route wrote. */
function NoticeLine({ line }: { line: Extract<ChatLine, { kind: 'message' }> }) {
  return (
    <Box flexShrink={0}>
      <Text color="gray" wrap="wrap">
        {`${formatTime(line.ts)} ${safeInline(line.channel)} -- ${safeInline(line.body)}`}
      </Text>
    </Box>
  );
}

function MessageLine({ line }: { line: Extract<ChatLine, { kind: 'message' }> }) {
  // Once recalled, how far it got no longer matters.
  const mark = line.status && !line.recalled ? STATUS_MARK[line.status] : undefined;
  return (
    <Box flexShrink={0}>
      <Box flexShrink={0}>
        <Text dimColor>{formatTime(line.ts)} </Text>
        <Text color={line.own ? 'green' : 'cyan'} bold>
          {safeInline(line.from)}
        </Text>
        {line.to && <Text color="magenta">{` → ${safeInline(line.to)}`}</Text>}
        <Text>: </Text>
      </Box>
      {/* The body wraps in the space left of the sender, keeping a hanging indent. */}
      <Box flexGrow={1} flexShrink={1}>
        {line.recalled ? (
          <Text dimColor italic>
            (recalled)
          </Text>
        ) : (
          <Text wrap="wrap">{safeMultiline(line.body)}</Text>
        )}
      </Box>
      {mark && (
        <Box flexShrink={0} marginLeft={1}>
          <Text color={mark.color}>{mark.text}</Text>
        </Box>
      )}
    </Box>
  );
}
