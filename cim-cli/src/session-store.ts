import { chmod, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { configDir } from './config-dir.js';

/** Only the owner may read or write the file: a token acts as its device until its session ends. */
const PRIVATE_FILE = 0o600;
const PRIVATE_DIR = 0o700;

/** Whose session: one per (route, user, device), as the route keeps them. */
export interface SessionKey {
  routeUrl: string;
  userName: string;
  deviceId: string;
}

/** What `cim` keeps of a session to resume it without the password. */
export interface StoredSession {
  token: string;
  userId: string;
  deviceId: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/**
 * Session tokens beside the sync cursors, in one JSON file of mode 0600 (created so, and put back
 * to it when found otherwise). Writes replace the file whole, so a crash leaves the old one.
 */
export class SessionStore {
  private writing: Promise<void> = Promise.resolve();

  constructor(readonly path: string) {}

  async load(key: SessionKey): Promise<StoredSession | undefined> {
    return (await this.readAll())[keyOf(key)];
  }

  save(key: SessionKey, session: StoredSession): Promise<void> {
    return this.change((all) => ({ ...all, [keyOf(key)]: session }));
  }

  /** Forgets the session of `key`; true when there was one. */
  async forget(key: SessionKey): Promise<boolean> {
    let had = false;
    await this.change((all) => {
      had = keyOf(key) in all;
      const { [keyOf(key)]: _gone, ...rest } = all;
      return rest;
    });
    return had;
  }

  private change(update: (all: Record<string, StoredSession>) => Record<string, StoredSession>): Promise<void> {
    this.writing = this.writing.then(async () => {
      const all = update(await this.readAll());
      await mkdir(dirname(this.path), { recursive: true, mode: PRIVATE_DIR });
      const tmp = `${this.path}.${process.pid}.tmp`;
      await writeFile(tmp, JSON.stringify(all, null, 2), { mode: PRIVATE_FILE });
      // A stale temp file keeps its old mode through writeFile: set it before it takes the name.
      await chmod(tmp, PRIVATE_FILE);
      await rename(tmp, this.path);
    });
    return this.writing;
  }

  private async readAll(): Promise<Record<string, StoredSession>> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch {
      return {};
    }
    // A file loosened by hand (or by an older copy) is made private again before it is used.
    if (((await stat(this.path)).mode & 0o777) !== PRIVATE_FILE) await chmod(this.path, PRIVATE_FILE);
    try {
      return JSON.parse(text) as Record<string, StoredSession>;
    } catch {
      return {};
    }
  }
}

function keyOf({ routeUrl, userName, deviceId }: SessionKey): string {
  return `${routeUrl}|${userName}|${deviceId}`;
}

/** The session tokens of every (route, user, device) this machine chatted as. */
export function sessionStore(env: NodeJS.ProcessEnv = process.env): SessionStore {
  return new SessionStore(join(configDir(env), 'sessions.json'));
}
