/** Puts how `promise` settles at `results[index]` (for batches whose items fail one by one). */
export async function settleInto<T>(
  results: PromiseSettledResult<T>[],
  index: number,
  promise: Promise<T>,
): Promise<void> {
  try {
    results[index] = { status: 'fulfilled', value: await promise };
  } catch (reason) {
    results[index] = { status: 'rejected', reason };
  }
}
