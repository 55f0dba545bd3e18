/**
 * Matching file names across naming schemes by their trailing path segments: an LCOV file or a
 * `git diff` path (`sub/pkg/a.go`, `/home/runner/work/r/r/pkg/a.go`) and a Go import path
 * (`example.com/m/pkg/a.go`). A name matches the candidate sharing the most trailing segments
 * with it (at least the file name); a tie between candidates leaves it unmatched rather than
 * guessing.
 */
export function suffixMatcher(candidates: Iterable<string>): (name: string) => string | undefined {
  const byBaseName = new Map<string, string[][]>()
  for (const candidate of candidates) {
    const segments = candidate.split('/')
    const base = segments[segments.length - 1] as string
    byBaseName.set(base, [...(byBaseName.get(base) ?? []), segments])
  }
  return name => {
    const segments = name.replace(/\\/g, '/').split('/').filter(s => s !== '' && s !== '.')
    const base = segments[segments.length - 1]
    if (base === undefined) return undefined
    let best: string[] | undefined
    let bestLength = 0
    let tie = false
    for (const candidate of byBaseName.get(base) ?? []) {
      const length = commonSuffix(candidate, segments)
      if (length > bestLength) {
        best = candidate
        bestLength = length
        tie = false
      } else if (length === bestLength) tie = true
    }
    return best === undefined || tie ? undefined : best.join('/')
  }
}

function commonSuffix(a: readonly string[], b: readonly string[]): number {
  let n = 0
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++
  return n
}
