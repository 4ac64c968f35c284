import { render } from 'ink';
import { CimClient } from '@cim/client';
import { cursorStore } from '../config-dir.js';
import { connectOrRegister } from '../session.js';
import { stopOnSignals } from '../signals.js';
import { App } from './App.js';
import { ChatController } from './chat-controller.js';

export interface RunChatOptions {
  routeUrl: string;
  userName: string;
  password: string;
  deviceId: string;
  loginTimeoutMs?: number;
}

/** Runs the chat screen until the user quits; resolves with the exit code. */
export async function runChat(options: RunChatOptions): Promise<number> {
  if (!process.stdin.isTTY) throw new Error('cim chat needs a terminal; for scripts use cim send and cim tail');
  const client = new CimClient({
    routeUrl: options.routeUrl,
    userName: options.userName,
    password: options.password,
    deviceId: options.deviceId,
    loginTimeoutMs: options.loginTimeoutMs,
    // Only the sync cursor is kept on disk (no token), so the next chat resumes where this one ended.
    cursorStore: cursorStore(),
  });
  const controller = new ChatController({
    client,
    userName: options.userName,
    login: () => connectOrRegister(client, options.userName, options.password),
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
