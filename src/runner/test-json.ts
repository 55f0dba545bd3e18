/**
 * Reads what `go test -json` says: tests passed, failed and skipped (subtests included), each
 * failure with its output, packages that failed to build, each package's result and time and
 * whether Go replayed it from its test cache, and the slowest tests. Pure: it is fed the stream's
 * bytes as they arrive (TestJsonParser) and the command's stderr at the end, and keeps only
 * bounded parts of the output, so a stream of any size (a test that prints a gigabyte) is read
 * in constant memory.
 *
 * Go 1.19-1.23 report a package that does not build outside the JSON: the compiler's errors go
 * to stderr under a `# import/path` header, and the package's result is the line
 * `FAIL import/path [build failed]`, which Go 1.19-1.21 print as plain text amid the JSON and Go
 * 1.22-1.23 wrap in an `output` event. Go 1.24 and later also send `build-output` and
 * `build-fail` events (with `ImportPath`) and mark the package's `fail` event with `FailedBuild`.
 * Go 1.25 and later replay a package's result from the test cache even with -coverprofile,
 * printing `ok  \tpkg\t(cached)\tcoverage: …` as its result line. Go 1.27 adds `OutputType`
 * (`frame`, `error`) to output events. All of these are handled; __tests__/fixtures/test-json
 * holds real streams of every version.
 */
import {HeadTail, LineSplitter} from './bounded.js'

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
  /** Go 1.27+: `frame` for the RUN/PASS/FAIL framing, `error` for a test's error lines. */
  OutputType?: string
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
  /** Go replayed the package's result from its test cache (Go 1.25+ with -coverprofile; earlier without). */
  cached: boolean
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

/** A top-level test and how long it ran. */
export interface SlowTest {
  package: string
  test: string
  seconds: number
}

export interface TestReport {
  tests: TestCounts
  buildFailures: BuildFailure[]
  packages: PackageResult[]
  /** The slowest top-level tests that ran (not replayed from the test cache), slowest first, at most MAX_SLOWEST_TESTS. */
  slowest: SlowTest[]
  /**
   * What `go test` without -v prints: each package's result line, the failing tests with their
   * output, compiler errors and any other output outside a test. Its first and last lines when long.
   */
  summary: string
  /** The stream as a person reads `go test -v` (the Output fields and plain lines): its first and last lines when long. */
  text: string
  /** Bytes of the stream read. */
  bytes: number
  /** What was left out to keep memory bounded (summary and text are cut with a line that says so). */
  omitted: {
    /** Lines of `text` between its first and last lines. */
    textLines: number
    /** Lines of `summary` between its first and last lines. */
    summaryLines: number
    /** Failing tests counted but not listed in `failures` (beyond MAX_FAILURES). */
    failures: number
  }
}

/** How much of a failing test's output is kept: the end is where the failure is. */
export const MAX_FAILURE_LINES = 60
export const MAX_FAILURE_CHARS = 8000
/** Failing tests listed with their output (each at most MAX_FAILURE_CHARS); the rest are counted. */
export const MAX_FAILURES = 200
/** Slowest tests reported per run. */
export const MAX_SLOWEST_TESTS = 5
/** The first and the last characters kept of `text` (each). */
export const TEXT_CHARS = 1024 * 1024
/** The first and the last characters kept of `summary` (each). */
export const SUMMARY_CHARS = 256 * 1024
/** Characters of compiler output kept per package that failed to build. */
const BUILD_OUTPUT_CHARS = 16 * 1024

const BUILD_FAILED = /^FAIL\s+(\S+)\s+\[(?:build|setup) failed\]\s*$/
const FRAMING = /^\s*(?:=== (?:RUN|PAUSE|CONT|NAME)\s|--- (?:PASS|FAIL|SKIP):\s)/
const CACHED = /^ok\s+(\S+)\s+\(cached\)/
const NO_TEST_FILES = /^(?:\?\s+\S+\s+\[no test files\]|\t\S+\t\tcoverage: )/
/** Lines of a package's own output that its result line repeats (`go test` without -v does not print them). */
const PACKAGE_FRAMING = /^(?:PASS|FAIL|coverage: .* of statements.*)$/

/** A test's output while it runs: its last lines, without framing and blank lines. */
class TestOutput {
  readonly lines = new HeadTail({headChars: 0, tailChars: MAX_FAILURE_CHARS, tailLines: MAX_FAILURE_LINES})
  /** A line that test2json split (it cuts lines at 4 KiB) and that has not ended yet. */
  partial = ''

  add(output: string): void {
    if (!output.endsWith('\n')) {
      // Only the end of a line is ever shown, so a long partial line keeps its end.
      this.partial = (this.partial + output).slice(-MAX_FAILURE_CHARS)
      return
    }
    const line = (this.partial + output.slice(0, -1)).replace(/\r$/, '')
    this.partial = ''
    if (line.trim() === '' || FRAMING.test(line)) return
    this.lines.add(line)
  }

  /** The kept lines, without the indentation Go adds to a test's log lines, saying how many were left out. */
  text(): string {
    if (this.partial !== '') this.add('\n')
    const {tail} = this.lines.kept()
    return trimmedText(tail, this.lines.droppedLines)
  }
}

/**
 * Reads a `go test -json` stream (with any plain lines in it) as it arrives: `push` each chunk,
 * then `end` with the command's stderr for the report.
 */
export class TestJsonParser {
  private readonly counts: TestCounts = {passed: 0, failed: 0, skipped: 0, failures: []}
  private omittedFailures = 0
  private readonly running = new Map<string, TestOutput>()
  private readonly packages = new Map<string, PackageResult>()
  private readonly cachedPackages = new Set<string>()
  private readonly noTestFiles = new Set<string>()
  private readonly failedBuilds = new Set<string>()
  /** Go 1.24+: the package whose build broke a package's test (itself or a dependency), from FailedBuild. */
  private readonly brokenBy = new Map<string, string>()
  private readonly buildOutput = new Map<string, HeadTail>()
  /** Per package, its slowest tests so far: they join the run's list only if the package was not replayed from the cache. */
  private readonly slowByPackage = new Map<string, SlowTest[]>()
  private slowest: SlowTest[] = []
  private readonly text = new HeadTail({headChars: TEXT_CHARS, tailChars: TEXT_CHARS})
  private readonly summary = new HeadTail({headChars: SUMMARY_CHARS, tailChars: SUMMARY_CHARS})
  private readonly lines = new LineSplitter(line => this.line(line))
  private bytes = 0

  push(chunk: Buffer | string): void {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk
    this.bytes += bytes.length
    this.lines.push(bytes)
  }

  end(stderr = ''): TestReport {
    this.lines.end()
    const stderrBlocks = parseBuildErrors(stderr)
    for (const [pkg, lines] of stderrBlocks) for (const l of lines) this.buildOutputOf(pkg).add(l.replace(/\n$/, ''))
    const failures = [...this.failedBuilds]
    const buildFailures = failures.map(pkg => {
      // A package can fail to build because a dependency does not: then the errors are under the
      // dependency's header. Go 1.24+ names it (FailedBuild); before, every block of errors is given.
      const own = this.buildOutput.get(this.brokenBy.get(pkg) ?? pkg)
      const output = own ? outputOf(own) : [...this.buildOutput.values()].map(outputOf).filter(o => o !== '').join('\n')
      return {package: pkg, output: output.trimEnd()}
    })
    for (const pkg of failures) {
      const known = this.packages.get(pkg)
      this.packages.set(pkg, {name: pkg, status: 'fail', seconds: known?.seconds ?? 0, cached: false})
    }
    const gap = (lines: number): string => `… ${lines} lines left out (the whole stream is in test.json)`
    return {
      tests: this.counts,
      buildFailures,
      packages: [...this.packages.values()],
      slowest: this.slowest,
      summary: this.summary.text(gap),
      text: this.text.text(gap),
      bytes: this.bytes,
      omitted: {textLines: this.text.droppedLines, summaryLines: this.summary.droppedLines, failures: this.omittedFailures}
    }
  }

  private line(line: string): void {
    const event = parseEvent(line)
    if (!event) {
      if (line.trim() === '') return
      this.text.add(line)
      this.summary.add(line)
      const m = BUILD_FAILED.exec(line)
      if (m) this.failedBuilds.add(m[1] as string)
      return
    }
    if (event.Action === 'build-output' && event.ImportPath) {
      const output = trimNewline(event.Output ?? '')
      this.text.add(output)
      this.summary.add(output)
      // The `# import/path` header is the event's ImportPath already.
      if (!/^# \S/.test(output)) this.buildOutputOf(packageOf(event.ImportPath)).add(output)
      return
    }
    if (event.Action === 'build-fail' && event.ImportPath) {
      // The failing ImportPath may be a dependency; the package whose test it breaks gets its own fail event.
      return
    }
    const pkg = event.Package ?? ''
    if (event.Action === 'output') {
      const output = event.Output ?? ''
      this.text.add(trimNewline(output))
      if (event.Test) {
        this.outputOf(pkg, event.Test).add(output)
        return
      }
      const line = trimNewline(output)
      if (!PACKAGE_FRAMING.test(line)) this.summary.add(line)
      const failed = BUILD_FAILED.exec(line)
      if (failed) this.failedBuilds.add(failed[1] as string)
      if (CACHED.test(line)) this.cachedPackages.add(pkg)
      if (NO_TEST_FILES.test(output)) this.noTestFiles.add(pkg)
      return
    }
    if (event.Action !== 'pass' && event.Action !== 'fail' && event.Action !== 'skip') return
    if (event.Test) this.testDone(pkg, event.Test, event.Action, event.Elapsed ?? 0)
    else this.packageDone(pkg, event)
  }

  private testDone(pkg: string, test: string, action: 'pass' | 'fail' | 'skip', seconds: number): void {
    const k = key(pkg, test)
    const output = this.running.get(k)
    this.running.delete(k)
    if (action === 'pass') this.counts.passed++
    else if (action === 'skip') this.counts.skipped++
    else {
      this.counts.failed++
      const text = output?.text() ?? ''
      this.summary.add(`--- FAIL: ${test} (${pkg}, ${seconds.toFixed(2)}s)`)
      for (const l of text.split('\n')) if (l !== '') this.summary.add(`    ${l}`)
      if (this.counts.failures.length < MAX_FAILURES) this.counts.failures.push({package: pkg, test, output: text})
      else this.omittedFailures++
    }
    // Subtests run inside their parent, whose time includes theirs: the top-level tests are the ones to compare.
    if (action !== 'skip' && seconds > 0 && !test.includes('/')) {
      this.slowByPackage.set(pkg, slowestOf([...(this.slowByPackage.get(pkg) ?? []), {package: pkg, test, seconds}]))
    }
  }

  private packageDone(pkg: string, event: TestEvent): void {
    const cached = this.cachedPackages.has(pkg)
    if (event.FailedBuild) {
      this.failedBuilds.add(pkg)
      this.brokenBy.set(pkg, packageOf(event.FailedBuild))
    }
    this.packages.set(pkg, {
      name: pkg,
      status: event.Action as PackageResult['status'],
      seconds: event.Elapsed ?? 0,
      cached,
      ...(this.noTestFiles.has(pkg) ? {noTestFiles: true as const} : {})
    })
    // A replayed result's times are those of the run that was cached, not of this one.
    const slow = this.slowByPackage.get(pkg)
    this.slowByPackage.delete(pkg)
    if (slow && !cached) this.slowest = slowestOf([...this.slowest, ...slow])
  }

  private outputOf(pkg: string, test: string): TestOutput {
    const k = key(pkg, test)
    let output = this.running.get(k)
    if (!output) {
      output = new TestOutput()
      this.running.set(k, output)
    }
    return output
  }

  private buildOutputOf(pkg: string): HeadTail {
    let output = this.buildOutput.get(pkg)
    if (!output) {
      output = new HeadTail({headChars: BUILD_OUTPUT_CHARS, tailChars: 0})
      this.buildOutput.set(pkg, output)
    }
    return output
  }
}

/** Parses a whole stream at once: the stdout of `go test -json` (with any plain lines in it) and the command's stderr. */
export function parseTestJson(stdout: string, stderr = ''): TestReport {
  const parser = new TestJsonParser()
  parser.push(stdout)
  return parser.end(stderr)
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

function slowestOf(tests: SlowTest[]): SlowTest[] {
  return tests.sort((a, b) => b.seconds - a.seconds).slice(0, MAX_SLOWEST_TESTS)
}

function outputOf(lines: HeadTail): string {
  return lines.text(n => `… ${n} more lines`)
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
    const list = blocks.get(current)
    if (list) list.push(`${line}\n`)
    else blocks.set(current, [`${line}\n`])
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

function trimNewline(s: string): string {
  return s.endsWith('\n') ? s.slice(0, -1) : s
}

/**
 * Drops the RUN/PASS/FAIL framing lines and the indentation Go adds to a test's log lines, and
 * keeps the last lines within a size limit, saying how many were left out.
 */
export function trimOutput(chunks: string[]): string {
  const output = new TestOutput()
  for (const line of chunks.join('').split('\n')) output.add(`${line}\n`)
  return output.text()
}

/** The last lines of a test's output, unindented, after a line saying how many earlier ones were left out. */
function trimmedText(lines: string[], omitted: number): string {
  if (lines.length === 0) return omitted > 0 ? `… ${omitted} earlier lines omitted` : ''
  const indent = Math.min(...lines.map(l => /^\s*/.exec(l)?.[0].length ?? 0))
  const text = lines.map(l => l.slice(indent)).join('\n')
  return omitted > 0 ? `… ${omitted} earlier lines omitted\n${text}` : text
}
