export interface WaitForOptions {
  /** Give up after this long. Default 5000 ms. */
  timeoutMs?: number;
  /** Pause between attempts. Default 25 ms. */
  intervalMs?: number;
  /** What is being waited for; appears in the timeout error. */
  message?: string;
}

/**
 * Polls `predicate` until it returns a truthy value, and resolves with that value. A predicate
 * that throws counts as "not yet", so assertions can be used inside it (return `true` after them);
 * the last error is attached to the timeout error to show why the wait failed.
 */
export async function waitFor<T>(
  predicate: () => T | Promise<T>,
  { timeoutMs = 5000, intervalMs = 25, message = 'condition' }: WaitForOptions = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await predicate();
      if (value) return value as NonNullable<T>;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) {
      const why = lastError instanceof Error ? `; last error: ${lastError.message}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${message}${why}`, { cause: lastError });
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
