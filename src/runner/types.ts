/** The runner's model: what one Go version's run did, and what the caller asks for. */
import type {Toolchain} from '../go/toolchain.js'
import type {Logger} from '../util/log.js'
import type {Annotation} from './annotations.js'
import type {BuildFailure, PackageResult, SlowTest, TestCounts} from './test-json.js'

export type VersionStatus = 'passed' | 'failed' | 'skipped' | 'error'

/** One go command of a version's run. */
export interface StepResult {
  /** `build`, `vet`, `build windows/amd64` or `test`. */
  name: string
  /** The go command's arguments (without `go`). */
  args: string[]
  ok: boolean
  /** The go command's exit status; null when it was killed or could not start. */
  exitCode: number | null
  seconds: number
  /**
   * stdout and stderr (their first and last lines when long); for `test`, stderr only (the JSON
   * stream is in test.json).
   */
  output: string
}

export interface VersionRun {
  toolchain: Toolchain
  /**
   * The module this run tested, when the request named modules: its folder relative to the
   * request's moduleDir (`.` for moduleDir itself) and its module path. Absent otherwise.
   */
  module?: {dir: string; path: string}
  status: VersionStatus
  /** Why it was skipped, failed or errored; absent when it passed. */
  reason?: string
  steps: StepResult[]
  tests: TestCounts
  buildFailures: BuildFailure[]
  packages: PackageResult[]
  /** The slowest top-level tests that ran (not replayed from Go's test cache), slowest first. */
  slowestTests: SlowTest[]
  /** What a reader should know about this run: output truncated, processes left running and killed. */
  notes: string[]
  /** Files relative to the request's moduleDir (a module's own folder prefixed when the request named modules). */
  annotations: Annotation[]
  /** Path of coverage.out when Go wrote one, else null. */
  profile: string | null
  /** This version's report folder: coverage.out, test.json, build.log. */
  dir: string
  /**
   * The isolated environment its go commands ran with (env.ts isolatedEnv), for the go commands
   * that read its results afterwards (go tool cover); absent when none ran.
   */
  env?: Record<string, string>
  seconds: number
}

export interface RunRequest {
  toolchains: Toolchain[]
  /** Absolute: the module (or go.work) root; with `modules`, the folder they are relative to (working-directory). */
  moduleDir: string
  /**
   * The modules to run, as folders relative to moduleDir (`.` for moduleDir itself; see
   * modules/discover.ts), each under every version. Absent: the module (or go.work) at moduleDir,
   * in `<reportDir>/<version>/`, as before modules existed; with modules, `.` reports there and
   * each other module in `<reportDir>/<version>/<dir>/`.
   */
  modules?: readonly string[]
  packages: string[]
  build: boolean
  vet: boolean
  buildTargets: {goos: string; goarch: string}[]
  testFlags: string[]
  coverMode: '' | 'set' | 'count' | 'atomic'
  /** Passed as -coverpkg when not empty. */
  coverPackages: string
  /** 0 means the number of CPUs. */
  maxParallel: number
  timeoutMinutes: number
  /** Per-version report folders are created here, named after the version. */
  reportDir: string
  /**
   * Where each version's GOPATH, GOCACHE, GOBIN and go.env, and the shared module cache, live:
   * outside the report folder (which users upload). Default: `$RUNNER_TEMP/go-matrix-work`, else
   * `~/.cache/go-matrix/work` (env.ts, defaultWorkDir). Reusing it across runs only
   * warms the caches.
   */
  workDir?: string
  /**
   * Where each version's GOCACHE and the shared module cache live, when they should outlive the
   * run (a folder kept between runs, or restored and saved by the caller). Default: workDir.
   */
  cacheDir?: string
  /** The inherited environment, filtered by env.ts. Default process.env. */
  env?: NodeJS.ProcessEnv
  logger: Logger
  /** Aborting it kills every running version's processes; they and the versions not started yet are reported `error` with the abort reason (a string, an Error's message, else `cancelled`). */
  signal?: AbortSignal
  /**
   * Annotations are emitted through logger.error with paths relative to this directory (on
   * GitHub: the workspace). Default: moduleDir. Set `annotate: false` to emit none.
   */
  annotationBase?: string
  annotate?: boolean
  /**
   * What each version's log (logger.group) holds: false (default), the build steps, one line per
   * package and the failing tests with their output, as `go test` without -v prints them; true, go
   * test's whole output, as `go test -v` prints it (its first and last MiB when longer). test.json
   * always has the whole stream.
   */
  fullLogs?: boolean
  /**
   * Awaited before a version's first go command (its carried build cache and the module cache are
   * restored then); a rejection is the version's error.
   */
  beforeVersion?: (version: string) => Promise<void>
  /** Called as each version (each module × version with `modules`) finishes, so its results can be used while the others still run. */
  onVersionDone?: (run: VersionRun) => void
}
