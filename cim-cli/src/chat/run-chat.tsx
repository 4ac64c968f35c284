import { render } from 'ink';
import { CimClient } from '@cim/client';
import { cursorStore } from '../config-dir.js';
import { connectOrRegister, keepSession, resumeStored } from '../session.js';
import { sessionStore } from '../session-store.js';
import { stopOnSignals } from '../signals.js';
import { App } from './App.js';
import { ChatController } from './chat-controller.js';

export interface RunChatOptions {
  routeUrl: string;
  userName: string;
  /** Asks for the password: only when there is no stored session to resume. */
  password: () => Promise<string>;
  deviceId: string;
  loginTimeoutMs?: number;
}

/** Runs the chat screen until the user quits; resolves with the exit code. */
export async function runChat(options: RunChatOptions): Promise<number> {
  if (!process.stdin.isTTY) throw new Error('cim chat needs a terminal; for scripts use cim send and cim tail');
  const sessions = sessionStore();
  const key = { routeUrl: options.routeUrl, userName: options.userName, deviceId: options.deviceId };
  const newClient = (auth: { token: string } | { password: string }) => {
    const made = new CimClient({
      routeUrl: options.routeUrl,
      userName: options.userName,
      deviceId: options.deviceId,
      loginTimeoutMs: options.loginTimeoutMs,
      // The sync cursor and the session token are kept on disk, so the next chat resumes where
      // this one ended, without the password while the session lasts.
      cursorStore: cursorStore(),
      ...auth,
    });
    keepSession(made, sessions, key);
    return made;
  };
  // Resumed before the screen is drawn: an ended session needs the password prompt, which Ink
  // would otherwise stand in the way of.
  const resumed = await resumeStored(sessions, key, (token) => newClient({ token }));
  const password = resumed ? undefined : await options.password();
  const client = resumed ?? newClient({ password: password! });
  const controller = new ChatController({
    client,
    userName: options.userName,
    login: resumed ? async () => ({ registered: false }) : () => connectOrRegister(client, options.userName, password!),
  });

  silenceConsole();
  const ink = render(<App controller={controller} />, { exitOnCtrlC: false });
  void controller.start();
  stopOnSignals(async () => {
    await controller.quit();
    ink.unmount();
  });
  await ink.waitUntilExit();
  return controller.snapshot().exitCode ?? 0;
}

/** Ink would print console output above the chat; a stray library log must not reach the screen. */
function silenceConsole(): void {
  const quiet = () => {};
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) console[method] = quiet;
}
