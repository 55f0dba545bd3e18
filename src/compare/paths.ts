/**
 * Matching file names across naming schemes by their trailing path segments: an LCOV file or a
 * `git diff` path (`sub/pkg/a.go`, `/home/runner/work/r/r/pkg/a.go`) and a Go import path
 * (`example.com/m/pkg/a.go`). A name matches the candidate sharing the most trailing segments
 * with it (at least the file name); of candidates sharing as many, one that the name ends with
 * whole (`doc.go` for `doc.go`, beside `api/doc.go`) wins; any other tie leaves it unmatched
 * rather than guessing.
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
    // A candidate's rank: trailing segments shared, then 1 when it is shared whole.
    let best: string[] | undefined
    let bestRank = -1
    let tie = false
    for (const candidate of byBaseName.get(base) ?? []) {
      const length = commonSuffix(candidate, segments)
      const rank = length * 2 + (length === candidate.length ? 1 : 0)
      if (rank > bestRank) {
        best = candidate
        bestRank = rank
        tie = false
      } else if (rank === bestRank) tie = true
    }
    return best === undefined || tie ? undefined : best.join('/')
  }
}

function commonSuffix(a: readonly string[], b: readonly string[]): number {
  let n = 0
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++
  return n
}
