/**
 * The web chat: the same `ChatController` as `cim chat` (same commands, same per-message states),
 * drawn into a plain page. The page is served by the route, so the route is the page's origin.
 */
import { CimClient, LocalStorageCursorStore } from '@cim/client';
import { ChatController } from '../src/chat/chat-controller.js';
import { connectOrRegister } from '../src/session.js';
import { ChatRenderer } from './render.js';
import { forgetSession, loadSession, newDeviceId, saveSession, type SavedSession } from './saved-session.js';

interface Login {
  userName: string;
  deviceId: string;
  /** A new login; absent when a saved session is resumed. */
  password?: string;
  token?: string;
}

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the page has no #${id}`);
  return found as T;
}

const loginView = element<HTMLElement>('login-view');
const chatView = element<HTMLElement>('chat-view');
const loginForm = element<HTMLFormElement>('login-form');
const loginError = element<HTMLElement>('login-error');
const userNameInput = element<HTMLInputElement>('user-name');
const passwordInput = element<HTMLInputElement>('password');
const logoutButton = element<HTMLButtonElement>('logout');
const sendForm = element<HTMLFormElement>('send-form');
const messageInput = element<HTMLInputElement>('message');
const onlineUsers = element<HTMLUListElement>('online-users');
const status = element<HTMLElement>('status');

let controller: ChatController | undefined;
let client: CimClient | undefined;

const renderer = new ChatRenderer(
  {
    status,
    target: element('target'),
    messages: element<HTMLOListElement>('messages'),
    conversations: element<HTMLUListElement>('conversations'),
  },
  (command) => {
    void submit(command);
    // Opening a conversation is for talking in it: typing goes on where it was.
    messageInput.focus();
  },
);

async function startChat(login: Login): Promise<void> {
  const chatClient = new CimClient({
    routeUrl: location.origin,
    userName: login.userName,
    deviceId: login.deviceId,
    ...(login.password !== undefined ? { password: login.password } : { token: login.token }),
    cursorStore: new LocalStorageCursorStore(),
  });
  const chat = new ChatController({
    client: chatClient,
    userName: login.userName,
    login: () =>
      login.password !== undefined
        ? connectOrRegister(chatClient, login.userName, login.password)
        : chatClient.connect().then(() => ({ registered: false })),
  });
  client = chatClient;
  controller = chat;
  renderer.clear();
  chat.subscribe(() => {
    const view = chat.snapshot();
    renderer.render(view);
    if (view.exitCode === 0) endChat(chat, 'you logged out');
  });
  // The token changes with each login and refresh: keep the newest, so a reload resumes.
  chatClient.on('session', ({ token }) => {
    if (controller === chat) saveSession({ userName: login.userName, deviceId: login.deviceId, token });
  });
  chatClient.on('kicked', (reason) => endChat(chat, `signed out: ${reason}`));
  chatClient.on('sessionEnded', () => endChat(chat, 'your session has ended: log in again'));
  showChat();
  renderer.render(chat.snapshot());
  await chat.start();
  const view = chat.snapshot();
  if (view.exitCode === undefined) return void refreshOnlineUsers();
  const reason = view.lines.findLast((line) => line.kind === 'system' && line.tone === 'error');
  endChat(chat, reason?.kind === 'system' ? reason.text : 'cannot connect');
}

/** Back to the login form, forgetting the saved session; `reason` says why. Once per chat. */
function endChat(chat: ChatController, reason: string): void {
  if (controller !== chat) return;
  const ending = client;
  forgetSession(ending?.session()?.token ?? loadSession()?.token);
  controller = undefined;
  client = undefined;
  void ending?.close().catch(() => undefined);
  loginError.textContent = reason;
  status.dataset.link = 'offline';
  status.textContent = 'not logged in';
  chatView.hidden = true;
  logoutButton.hidden = true;
  loginView.hidden = false;
  passwordInput.value = '';
  userNameInput.focus();
}

function showChat(): void {
  loginView.hidden = true;
  chatView.hidden = false;
  logoutButton.hidden = false;
  loginError.textContent = '';
  messageInput.focus();
}

async function submit(line: string): Promise<void> {
  await controller?.submit(line);
}

async function refreshOnlineUsers(): Promise<void> {
  if (!client) return;
  try {
    const users = await client.onlineUsers();
    onlineUsers.replaceChildren(
      ...users.map((user) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = user.userName;
        button.addEventListener('click', () => void submit(`:to ${user.userName}`));
        const item = document.createElement('li');
        item.append(button);
        return item;
      }),
    );
  } catch {
    // The list stays as it was; the button asks again.
  }
}

loginForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const userName = userNameInput.value.trim();
  void startChat({ userName, password: passwordInput.value, deviceId: newDeviceId() });
});

sendForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const line = messageInput.value;
  messageInput.value = '';
  void submit(line);
});

logoutButton.addEventListener('click', () => void controller?.quit());
element('refresh-online').addEventListener('click', () => void refreshOnlineUsers());
element('show-commands').addEventListener('click', () => void submit(':all'));

const saved: SavedSession | undefined = loadSession();
if (saved) void startChat(saved);
else userNameInput.focus();
