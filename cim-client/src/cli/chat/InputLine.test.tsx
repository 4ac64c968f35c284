import { cleanup, render } from 'ink-testing-library';
import { stripVTControlCharacters } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { InputLine } from './InputLine.js';

const UP = '\u001b[A';
const DOWN = '\u001b[B';
/** Ink subscribes input handlers in effects; let them run between keys as a typist would. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

async function typing(keys: string[]) {
  const submitted: string[] = [];
  const app = render(<InputLine prompt="lobby" onSubmit={(line) => submitted.push(line)} />);
  await settle();
  for (const key of keys) {
    app.stdin.write(key);
    await settle();
  }
  return { submitted, screen: () => stripVTControlCharacters(app.lastFrame() ?? '') };
}

afterEach(cleanup);

describe('InputLine', () => {
  it('shows the target as the prompt', async () => {
    const { screen } = await typing([]);
    expect(screen()).toContain('lobby›');
  });

  it('submits a line on Enter and clears the input', async () => {
    const { submitted, screen } = await typing(['hello', '\r']);
    expect(submitted).toEqual(['hello']);
    expect(screen()).not.toContain('hello');
  });

  it('submits each line of a paste that contains line breaks, keeping the unfinished rest', async () => {
    const { submitted, screen } = await typing(['one\rtwo\nthr']);
    expect(submitted).toEqual(['one', 'two']);
    expect(screen()).toContain('thr');
  });

  it('recalls the previous line with up, in place of the draft', async () => {
    const { screen } = await typing(['first', '\r', 'second', '\r', 'dra', UP]);
    expect(screen()).toContain('lobby› second');
    expect(screen()).not.toContain('dra');
  });

  it('walks history back and forth to the draft', async () => {
    const { submitted, screen } = await typing(['first', '\r', 'second', '\r', 'dra', UP, UP, DOWN, DOWN]);
    expect(screen()).toContain('lobby› dra');
    expect(submitted).toEqual(['first', 'second']);
  });

  it('sends a recalled line again with Enter', async () => {
    const { submitted } = await typing(['first', '\r', 'second', '\r', UP, UP, '\r']);
    expect(submitted).toEqual(['first', 'second', 'first']);
  });
});
