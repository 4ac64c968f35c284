import { afterAll, afterEach, beforeAll } from 'vitest';

/**
 * Turns an unhandled promise rejection into a failure of the test during which it surfaced, so a
 * forgotten `await` or a background task that throws cannot pass unnoticed.
 */
const unhandled: unknown[] = [];
const record = (reason: unknown) => {
  unhandled.push(reason);
};

function throwRecorded(): void {
  if (unhandled.length === 0) return;
  const reasons = unhandled.splice(0);
  if (reasons.length === 1) throw reasons[0];
  throw new AggregateError(reasons, `${reasons.length} unhandled rejections`);
}

beforeAll(() => {
  process.on('unhandledRejection', record);
});

afterEach(async () => {
  // Rejections are reported after the microtask queue drains; give them one turn to arrive.
  await new Promise((resolve) => setImmediate(resolve));
  throwRecorded();
});

afterAll(() => {
  process.off('unhandledRejection', record);
  throwRecorded();
});
