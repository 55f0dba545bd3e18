/**
 * Reads what `go test -json` says: tests passed, failed and skipped (subtests included), each
 * failure with its output, packages that failed to build, and each package's result and time.
 * Pure: it takes the stream's text (stdout) and the command's stderr.
 *
 * Go 1.19-1.23 report a package that does not build outside the JSON: the compiler's errors go
 * to stderr under a `# import/path` header, and the package's result is the line
 * `FAIL import/path [build failed]`, which Go 1.19-1.21 print as plain text amid the JSON and Go
 * 1.22-1.23 wrap in an `output` event. Go 1.24 and later also send `build-output` and
 * `build-fail` events (with `ImportPath`) and mark the package's `fail` event with `FailedBuild`.
 * Both are handled.
 */

/** One event of `go test -json` (cmd/test2json), with Go's field names. */
export interface TestEvent {
  Time?: string
  Action: string
  Package?: string
  Test?: string
  Output?: string
  Elapsed?: number
  /** Go 1.24+: the package of a build-output/build-fail event, as `pkg` or `pkg [pkg.test]`. */
  ImportPath?: string
  /** Go 1.24+: on a package's fail event, the ImportPath whose build failed. */
  FailedBuild?: string
}

export interface TestFailure {
  package: string
  /** `TestName` or `TestName/subtest`. */
  test: string
  /** The test's own output, without the `=== RUN` framing, trimmed to the last lines. */
  output: string
}

export interface BuildFailure {
  package: string
  output: string
}

export interface PackageResult {
  name: string
  /** `skip`: no test files (or no tests to run). */
  status: 'pass' | 'fail' | 'skip'
  seconds: number
  /**
   * Go said the package has no test files: `?   pkg [no test files]`, or from Go 1.22 on with
   * coverage, `\tpkg\t\tcoverage: 0.0% of statements` (a summary line without `ok`, status `pass`).
   */
  noTestFiles?: true
}

export interface TestCounts {
  passed: number
  failed: number
  skipped: number
  failures: TestFailure[]
}

export interface TestReport {
  tests: TestCounts
  buildFailures: BuildFailure[]
  packages: PackageResult[]
  /** The stream as a person reads `go test` (the Output fields and plain lines), for the log. */
  text: string
}

/** How much of a failing test's output is kept: the end is where the failure is. */
export const MAX_FAILURE_LINES = 60
export const MAX_FAILURE_CHARS = 8000

const BUILD_FAILED = /^FAIL\s+(\S+)\s+\[(?:build|setup) failed\]\s*$/
const NO_TEST_FILES = /^(?:\?\s+\S+\s+\[no test files\]|\t\S+\t\tcoverage: )/
const FRAMING = /^\s*(?:=== (?:RUN|PAUSE|CONT|NAME)\s|--- (?:PASS|FAIL|SKIP):\s)/

/** Parses the stdout of `go test -json` (with any plain lines in it) and the command's stderr. */
export function parseTestJson(stdout: string, stderr = ''): TestReport {
  const counts: TestCounts = {passed: 0, failed: 0, skipped: 0, failures: []}
  const testOutput = new Map<string, string[]>()
  const packages = new Map<string, PackageResult>()
  const failedBuilds = new Set<string>()
  const noTestFiles = new Set<string>()
  const buildOutput = new Map<string, string[]>()
  const text: string[] = []

  for (const line of stdout.split('\n')) {
    const event = parseEvent(line)
    if (!event) {
      if (line.trim() === '') continue
      text.push(line)
      const m = BUILD_FAILED.exec(line)
      if (m) failedBuilds.add(m[1] as string)
      continue
    }
    if (event.Action === 'build-output' && event.ImportPath) {
      const output = event.Output ?? ''
      text.push(trimNewline(output))
      // The `# import/path` header is the event's ImportPath already.
      if (!/^# \S/.test(output)) push(buildOutput, packageOf(event.ImportPath), output)
      continue
    }
    if (event.Action === 'build-fail' && event.ImportPath) {
      // The failing ImportPath may be a dependency; the package whose test it breaks gets its own fail event.
      continue
    }
    const pkg = event.Package ?? ''
    if (event.Action === 'output') {
      const output = event.Output ?? ''
      text.push(trimNewline(output))
      if (event.Test) push(testOutput, key(pkg, event.Test), output)
      else {
        const m = BUILD_FAILED.exec(trimNewline(output))
        if (m) failedBuilds.add(m[1] as string)
        if (NO_TEST_FILES.test(output)) noTestFiles.add(pkg)
      }
      continue
    }
    if (event.Action !== 'pass' && event.Action !== 'fail' && event.Action !== 'skip') continue
    if (event.Test) {
      if (event.Action === 'pass') counts.passed++
      else if (event.Action === 'skip') counts.skipped++
      else {
        counts.failed++
        counts.failures.push({package: pkg, test: event.Test, output: trimOutput(testOutput.get(key(pkg, event.Test)) ?? [])})
      }
      continue
    }
    if (event.FailedBuild) failedBuilds.add(pkg)
    packages.set(pkg, {name: pkg, status: event.Action, seconds: event.Elapsed ?? 0, ...(noTestFiles.has(pkg) ? {noTestFiles: true as const} : {})})
  }

  const stderrBlocks = parseBuildErrors(stderr)
  for (const [pkg, lines] of stderrBlocks) for (const l of lines) push(buildOutput, pkg, l)
  const buildFailures = [...failedBuilds].map(pkg => {
    const own = buildOutput.get(pkg)
    // A package can fail to build because a dependency does not: then the errors are under the dependency's header.
    const output = own ? own.join('') : [...buildOutput.values()].map(l => l.join('')).join('')
    return {package: pkg, output: output.trimEnd()}
  })
  for (const pkg of failedBuilds) {
    const known = packages.get(pkg)
    packages.set(pkg, {name: pkg, status: 'fail', seconds: known?.seconds ?? 0})
  }
  return {tests: counts, buildFailures, packages: [...packages.values()], text: text.join('\n')}
}

function parseEvent(line: string): TestEvent | null {
  const t = line.trim()
  if (!t.startsWith('{')) return null
  try {
    const value = JSON.parse(t) as unknown
    if (typeof value === 'object' && value !== null && typeof (value as TestEvent).Action === 'string') {
      return value as TestEvent
    }
  } catch {
    // A line that starts with { but is not JSON is program output; keep it as text.
  }
  return null
}

/**
 * The compiler's stderr, by package: each `# import/path` or `# import/path [import/path.test]`
 * header starts a block that runs to the next header. Lines before any header are kept under ''.
 */
export function parseBuildErrors(stderr: string): Map<string, string[]> {
  const blocks = new Map<string, string[]>()
  let current = ''
  for (const line of stderr.split('\n')) {
    const header = /^# (\S+)(?: \[\S+\])?\s*$/.exec(line)
    if (header) {
      current = header[1] as string
      continue
    }
    if (line.trim() === '') continue
    push(blocks, current, `${line}\n`)
  }
  return blocks
}

/** `pkg [pkg.test]` → `pkg`. */
function packageOf(importPath: string): string {
  return importPath.replace(/\s+\[.*\]$/, '')
}

function key(pkg: string, test: string): string {
  return `${pkg}\u0000${test}`
}

function push(map: Map<string, string[]>, k: string, value: string): void {
  const list = map.get(k)
  if (list) list.push(value)
  else map.set(k, [value])
}

function trimNewline(s: string): string {
  return s.endsWith('\n') ? s.slice(0, -1) : s
}

/**
 * Drops the RUN/PASS/FAIL framing lines and the indentation Go adds to a test's log lines, and
 * keeps the last lines within a size limit, saying how many were left out.
 */
export function trimOutput(chunks: string[]): string {
  const lines = chunks.join('').split('\n').filter(l => l.trim() !== '' && !FRAMING.test(l))
  const indent = Math.min(...lines.map(l => /^\s*/.exec(l)?.[0].length ?? 0))
  let kept = lines.slice(-MAX_FAILURE_LINES).map(l => l.slice(indent))
  while (kept.length > 1 && kept.join('\n').length > MAX_FAILURE_CHARS) kept = kept.slice(1)
  let text = kept.join('\n')
  if (text.length > MAX_FAILURE_CHARS) text = text.slice(-MAX_FAILURE_CHARS)
  const omitted = lines.length - kept.length
  return omitted > 0 ? `… ${omitted} earlier lines omitted\n${text}` : text
}
