import { Box, Text } from 'ink';
import type { Emoji } from './emoji.js';

/** Cells wide enough for the longest shortcode, so the table reads in columns at any width. */
const CELL_WIDTH = 22;

export interface EmojiTableProps {
  page: number;
  pages: number;
  entries: readonly Emoji[];
}

export function EmojiTable({ page, pages, entries }: EmojiTableProps) {
  const more = page < pages ? `; :emoji ${page + 1} for more` : '';
  return (
    <Box flexDirection="column" flexShrink={0}>
      <Text color="gray">{`-- emoji, page ${page} of ${pages}: type the :code: in a message${more}`}</Text>
      <Box flexWrap="wrap">
        {entries.map(({ code, emoji }) => (
          <Box key={code} width={CELL_WIDTH} flexShrink={0}>
            <Text>
              {emoji} <Text dimColor>:{code}:</Text>
            </Text>
          </Box>
        ))}
      </Box>
    </Box>
  );
}
