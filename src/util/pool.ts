/**
 * Runs `work` over `items` with at most `limit` at a time; results keep the items' order. After a
 * failure no new item starts, and the first error is thrown only once the running ones have settled,
 * so that nothing is still working (downloading, writing into the tool cache) when the caller hears.
 */
export async function mapBounded<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  let failure: {error: unknown} | undefined
  const worker = async (): Promise<void> => {
    while (next < items.length && !failure) {
      const index = next++
      try {
        results[index] = await work(items[index] as T, index)
      } catch (error) {
        failure ??= {error}
      }
    }
  }
  await Promise.all(Array.from({length: Math.max(1, Math.min(limit, items.length))}, worker))
  if (failure) throw failure.error
  return results
}
