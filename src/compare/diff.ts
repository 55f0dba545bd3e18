import {CoverageError} from '../coverage/model.js'
import type {FileLine, LineCoverage, Summary} from '../coverage/model.js'
import {summary} from '../coverage/percent.js'
import {suffixMatcher} from './paths.js'

/** A file a pull request changes, with the lines of its new version that were added or changed. */
export interface ChangedFile {
  /** Path in the new tree (for a deleted file, its old path). */
  path: string
  /** Path in the old tree when it differs (renames), else null. */
  oldPath: string | null
  status: 'added' | 'modified' | 'renamed' | 'deleted'
  /** Added or changed line numbers in the new version, ascending. */
  lines: number[]
}

/**
 * Parses `git diff --unified=0 BASE...HEAD` (any context size works: context lines are skipped).
 * Renames take their new path, deleted files have no lines, pure deletions inside a file add
 * none, and paths quoted by git (`"a/sp\303\251cial.go"`) are unquoted.
 */
export function parseGitDiff(text: string, source = 'git diff'): ChangedFile[] {
  const files: ChangedFile[] = []
  let file: ChangedFile | undefined
  let newLine = 0
  let inHunk = false
  text.split('\n').forEach((raw, index) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (line.startsWith('diff --git ')) {
      file = {path: pathsOfHeader(line.slice('diff --git '.length)), oldPath: null, status: 'modified', lines: []}
      files.push(file)
      inHunk = false
      return
    }
    if (file === undefined) return
    if (inHunk) {
      if (line.startsWith('+')) {
        file.lines.push(newLine++)
        return
      }
      if (line.startsWith(' ')) {
        newLine++
        return
      }
      if (line.startsWith('-') || line.startsWith('\\')) return
      inHunk = false
    }
    if (line.startsWith('@@')) {
      const match = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line)
      if (match === null) throw new CoverageError(`${source}:${index + 1}: expected a hunk header "@@ -a,b +c,d @@", got ${JSON.stringify(line)}`)
      newLine = Number(match[1])
      inHunk = true
    } else if (line.startsWith('new file mode')) file.status = 'added'
    else if (line.startsWith('deleted file mode')) file.status = 'deleted'
    else if (line.startsWith('rename from ')) {
      file.oldPath = unquote(line.slice('rename from '.length))
      file.status = 'renamed'
    } else if (line.startsWith('rename to ')) file.path = unquote(line.slice('rename to '.length))
    else if (line.startsWith('+++ ') && !line.startsWith('+++ /dev/null')) file.path = stripPrefix(unquote(line.slice(4)))
    else if (line.startsWith('--- ') && file.status === 'deleted' && !line.startsWith('--- /dev/null')) file.path = stripPrefix(unquote(line.slice(4)))
  })
  return files
}

/** The b/ path of `a/x b/x` (used until a ---/+++ or rename line gives it unambiguously). */
function pathsOfHeader(rest: string): string {
  if (rest.startsWith('"')) {
    const second = rest.lastIndexOf(' "')
    return stripPrefix(unquote(second > 0 ? rest.slice(second + 1) : rest))
  }
  const half = (rest.length - 1) / 2
  // `a/P b/P`: with equal old and new paths the two halves are the same length.
  if (Number.isInteger(half) && rest.slice(2, half) === rest.slice(half + 3)) return rest.slice(half + 3)
  const b = rest.lastIndexOf(' b/')
  return b >= 0 ? rest.slice(b + 3) : rest
}

function stripPrefix(path: string): string {
  return path.replace(/^[ab]\//, '').replace(/\t$/, '')
}

/** Undoes git's C-style quoting of unusual paths (octal bytes are UTF-8). */
function unquote(path: string): string {
  const trimmed = path.replace(/\t.*$/, '')
  if (!trimmed.startsWith('"') || !trimmed.endsWith('"')) return trimmed
  const bytes: number[] = []
  const body = trimmed.slice(1, -1)
  const escapes: Record<string, number> = {n: 10, t: 9, '"': 34, '\\': 92, a: 7, b: 8, f: 12, r: 13, v: 11}
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'))
      continue
    }
    const next = body[i + 1] ?? ''
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8))
      i += 3
    } else {
      bytes.push(escapes[next] ?? next.charCodeAt(0))
      i += 1
    }
  }
  return Buffer.from(bytes).toString('utf8')
}

/** report.json `comparisons.diff`: coverage of the changed lines that are instrumented. */
export interface DiffCoverage {
  lines: Summary
  /** Instrumented changed lines that no test ran, by their path in the repository. */
  uncovered: FileLine[]
  files: {path: string; file: string | null; lines: Summary; uncovered: number[]}[]
}

/**
 * Diff coverage: of the changed lines that are instrumented (a block covers them), how many ran.
 * Diff paths (relative to the repository) are matched to the profile's files by their trailing
 * segments (see suffixMatcher); files that match none (docs, tests, deleted files) do not count.
 * `sourcePath` names each profile file by its path in the repository (the module's folder and
 * the path within it, as merged.lcov does): then a change to `doc.go` is the root's `doc.go`, not
 * ambiguous with `api/doc.go`, and changes in every module of a run find their files.
 */
export function diffCoverage(lines: LineCoverage, changed: readonly ChangedFile[], sourcePath?: (file: string) => string): DiffCoverage {
  const byPath = new Map<string, string>()
  for (const file of lines.keys()) byPath.set(sourcePath ? sourcePath(file) : file, file)
  const match = suffixMatcher(byPath.keys())
  const files: DiffCoverage['files'] = []
  const uncovered: FileLine[] = []
  let covered = 0
  let total = 0
  for (const change of changed) {
    if (change.status === 'deleted' || change.lines.length === 0) continue
    const matched = match(change.path)
    const file = matched === undefined ? null : (byPath.get(matched) ?? null)
    const hitsByLine = file === null ? undefined : lines.get(file)
    if (hitsByLine === undefined) continue
    let fileCovered = 0
    let fileTotal = 0
    const missed: number[] = []
    for (const line of change.lines) {
      const hits = hitsByLine.get(line)
      if (hits === undefined) continue
      fileTotal++
      if (hits > 0) fileCovered++
      else missed.push(line)
    }
    if (fileTotal === 0) continue
    files.push({path: change.path, file, lines: summary(fileCovered, fileTotal), uncovered: missed})
    uncovered.push(...missed.map(line => ({file: change.path, line})))
    covered += fileCovered
    total += fileTotal
  }
  // In the order report.json has always written them.
  return {lines: summary(covered, total), uncovered, files}
}
