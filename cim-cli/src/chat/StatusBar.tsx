import { Box, Text } from 'ink';
import Spinner from 'ink-spinner';
import { safeInline } from '../safe-text.js';
import { channelOfTarget, type LinkState, type Target } from './chat-view.js';

const LINK_COLOR: Record<LinkState, string> = {
  online: 'green',
  connecting: 'yellow',
  reconnecting: 'yellow',
  offline: 'red',
};

export interface StatusBarProps {
  userName: string;
  server?: string;
  link: LinkState;
  busy?: string;
  target: Target;
  unread: Readonly<Record<string, number>>;
}

export function StatusBar({ userName, server, link, busy, target, unread }: StatusBarProps) {
  const unreadList = Object.entries(unread).filter(([, count]) => count > 0);
  return (
    <Box flexShrink={0} columnGap={2}>
      <Text bold>{safeInline(userName)}</Text>
      <Text dimColor>{safeInline(server ?? 'no server')}</Text>
      <Text color={LINK_COLOR[link]}>● {link}</Text>
      <Text>
        to{' '}
        <Text color="magenta">
          {target.kind === 'lobby' ? 'lobby (broadcast)' : safeInline(channelOfTarget(target))}
        </Text>
      </Text>
      {unreadList.length > 0 && (
        <Text color="cyan">
          unread {unreadList.map(([channel, count]) => `${safeInline(channel)} ${count}`).join(', ')}
        </Text>
      )}
      {busy && (
        <Text color="yellow">
          <Spinner type="dots" /> {safeInline(busy)}
        </Text>
      )}
    </Box>
  );
}
