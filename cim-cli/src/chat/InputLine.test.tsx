import { cleanup, render } from 'ink-testing-library';
import { stripVTControlCharacters } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { InputLine } from './InputLine.js';

const UP = '\u001b[A';
const DOWN = '\u001b[B';
/** A pause between keys, as a typist makes, in which the screen is redrawn. */
const settle = async () => {
  await new Promise((resolve) => setTimeout(resolve, 30));
  // On a busy machine the timer can come due before React's work, queued with setImmediate, has run.
  await new Promise((resolve) => setImmediate(resolve));
};

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

  it('keeps lines whole and in order when keys come faster than the screen redraws', async () => {
    const submitted: string[] = [];
    const app = render(<InputLine prompt="lobby" onSubmit={(line) => submitted.push(line)} />);
    await settle();
    // A few milliseconds apart: React has re-rendered, but Ink has not yet re-subscribed its handlers.
    for (let i = 1; i <= 6; i++) {
      for (const key of [`line ${i}`, '\r']) {
        app.stdin.write(key);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    }
    await settle();
    expect(submitted).toEqual(['line 1', 'line 2', 'line 3', 'line 4', 'line 5', 'line 6']);
  });

  it('edits at the cursor: left, right and backspace', async () => {
    const LEFT = '\u001b[D';
    const RIGHT = '\u001b[C';
    const BACKSPACE = '\u007f';
    const { submitted } = await typing([
      'helo',
      LEFT,
      'l',
      LEFT,
      LEFT,
      LEFT,
      BACKSPACE,
      'H',
      RIGHT,
      RIGHT,
      RIGHT,
      RIGHT,
      '!',
      '\r',
    ]);
    expect(submitted).toEqual(['Hello!']);
  });

  it('deletes an emoji whole with one backspace', async () => {
    const { submitted } = await typing(['hi 👋', '\u007f', '\r']);
    expect(submitted).toEqual(['hi ']);
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
