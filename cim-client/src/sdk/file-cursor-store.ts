import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CursorStore } from './cursor-store.js';

/** Keeps cursors in one JSON file (the CLI uses the user's config dir). Writes are atomic. */
export class FileCursorStore implements CursorStore {
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly path: string) {}

  async load(key: string): Promise<string | undefined> {
    return (await this.readAll())[key];
  }

  save(key: string, cursor: string): Promise<void> {
    this.writing = this.writing.then(async () => {
      const all = await this.readAll();
      all[key] = cursor;
      await mkdir(dirname(this.path), { recursive: true });
      const tmp = `${this.path}.${process.pid}.tmp`;
      await writeFile(tmp, JSON.stringify(all, null, 2));
      await rename(tmp, this.path);
    });
    return this.writing;
  }

  private async readAll(): Promise<Record<string, string>> {
    try {
      return JSON.parse(await readFile(this.path, 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  }
}
