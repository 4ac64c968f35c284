/**
 * The session this browser resumes on reload, kept in localStorage: the user name, this browser's
 * device id and the session token — never the password. Logging out forgets it.
 */
export interface SavedSession {
  userName: string;
  deviceId: string;
  token: string;
}

const KEY = 'cim-web-chat.session';

export function loadSession(): SavedSession | undefined {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<SavedSession> | null;
    if (
      saved &&
      typeof saved.userName === 'string' &&
      typeof saved.deviceId === 'string' &&
      typeof saved.token === 'string'
    )
      return saved as SavedSession;
  } catch {
    // A damaged entry is as good as none: the password is asked again.
  }
  return undefined;
}

export function saveSession(session: SavedSession): void {
  localStorage.setItem(KEY, JSON.stringify(session));
}

/**
 * Forgets the saved session if it is still `token`'s: another tab of this browser may have saved a
 * newer one since, which is not this page's to forget.
 */
export function forgetSession(token: string | undefined): void {
  if (loadSession()?.token === token) localStorage.removeItem(KEY);
}

/** A device id of its own for each login from this browser, so it does not take over another one. */
export function newDeviceId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
