import { homedir } from 'node:os';
import { join } from 'node:path';
import { FileCursorStore } from '@cim/client';

/**
 * The user's CIM config dir: CIM_CONFIG_DIR (tests point it at a temp dir so they never touch
 * the home dir), else $XDG_CONFIG_HOME/cim, else ~/.config/cim.
 */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CIM_CONFIG_DIR) return env.CIM_CONFIG_DIR;
  if (env.XDG_CONFIG_HOME) return join(env.XDG_CONFIG_HOME, 'cim');
  return join(homedir(), '.config', 'cim');
}

/** Sync cursors of every (route, user, device) this machine chatted as, so chat resumes. */
export function cursorStore(env: NodeJS.ProcessEnv = process.env): FileCursorStore {
  return new FileCursorStore(join(configDir(env), 'cursors.json'));
}
