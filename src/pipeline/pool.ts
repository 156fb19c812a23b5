/**
 * A bounded pool: run `fn` over items with at most `limit` in flight; results in input order.
 * The first failure rejects the pool and stops new items from starting (running ones finish).
 */
export async function runPool<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  let failed = false
  const worker = async () => {
    while (!failed && next < items.length) {
      const i = next++
      try {
        results[i] = await fn(items[i]!, i)
      } catch (err) {
        failed = true
        throw err
      }
    }
  }
  // a NaN limit would start no worker at all and return holes
  const workers = Math.max(1, Math.min(Number.isNaN(limit) ? 1 : limit, items.length))
  await Promise.all(Array.from({ length: workers }, worker))
  return results
}
