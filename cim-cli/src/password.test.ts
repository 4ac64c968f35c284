import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readPassword } from './password.js';

/** A stand-in terminal: records raw-mode switches and what was written to it. */
function fakeTerminal() {
  const input = Object.assign(new PassThrough({ encoding: 'utf8' }), {
    isTTY: true,
    isRaw: false,
    setRawMode(raw: boolean) {
      input.isRaw = raw;
      return input;
    },
  });
  let written = '';
  const output = new PassThrough();
  output.on('data', (chunk: Buffer) => (written += chunk.toString()));
  return { input: input as unknown as NodeJS.ReadStream & { isRaw: boolean }, output, written: () => written };
}

describe('readPassword', () => {
  it('takes CIM_PASSWORD without asking', async () => {
    await expect(readPassword('pw: ', { env: { CIM_PASSWORD: 'secret' } })).resolves.toBe('secret');
  });

  it('refuses to guess when there is neither CIM_PASSWORD nor a terminal', async () => {
    const input = new PassThrough() as unknown as NodeJS.ReadStream;
    await expect(readPassword('pw: ', { env: {}, input })).rejects.toThrow(/CIM_PASSWORD/);
  });

  it('reads a line in raw mode without echoing it, then restores the terminal', async () => {
    const { input, output, written } = fakeTerminal();
    const password = readPassword('password: ', { env: {}, input, output });
    expect(input.isRaw).toBe(true);
    input.write('hunter2\r');
    await expect(password).resolves.toBe('hunter2');
    expect(written()).toBe('password: \n');
    expect(input.isRaw).toBe(false);
  });

  it('applies backspace and Ctrl-U while typing', async () => {
    const { input, output } = fakeTerminal();
    const password = readPassword('pw: ', { env: {}, input, output });
    input.write('wrong\x15abx\x7fc\n');
    await expect(password).resolves.toBe('abc');
  });

  it('is cancelled by Ctrl-C', async () => {
    const { input, output } = fakeTerminal();
    const password = readPassword('pw: ', { env: {}, input, output });
    input.write('ab\x03');
    await expect(password).rejects.toThrow('cancelled');
    expect(input.isRaw).toBe(false);
  });
});
