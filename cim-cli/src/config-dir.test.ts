import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configDir } from './config-dir.js';

describe('configDir', () => {
  it('prefers CIM_CONFIG_DIR, then XDG_CONFIG_HOME/cim, then ~/.config/cim', () => {
    expect(configDir({ CIM_CONFIG_DIR: '/tmp/x', XDG_CONFIG_HOME: '/xdg' })).toBe('/tmp/x');
    expect(configDir({ XDG_CONFIG_HOME: '/xdg' })).toBe(join('/xdg', 'cim'));
    expect(configDir({})).toBe(join(homedir(), '.config', 'cim'));
  });
});
