/**
 * The environment one Go version runs in: its own GOROOT first on PATH, its own GOPATH, GOCACHE,
 * GOENV and GOBIN, the shared module cache, GOTOOLCHAIN=local, and from the inherited
 * environment only what users set on purpose; and where the work folder holding that state is.
 * Pure: it maps one environment to another (defaultWorkDir also asks for the user's home folder).
 * docs/isolation.md states the same rule for users; keep the two in step.
 */
import os from 'node:os'
import path from 'node:path'

/**
 * Where go-matrix keeps each version's GOPATH, GOCACHE, GOBIN, go.env and the module cache:
 * `$RUNNER_TEMP/go-matrix-work` on a CI runner (emptied with the job), else the user's own
 * `~/.cache/go-matrix/work` (kept between runs, so later runs start with warm caches). Never a
 * shared folder such as /tmp, where another user could plant a go.env.
 */
export function defaultWorkDir(env: NodeJS.ProcessEnv): string {
  return env.RUNNER_TEMP ? path.join(env.RUNNER_TEMP, 'go-matrix-work') : path.join(os.homedir(), '.cache', 'go-matrix', 'work')
}

/** Where one version's state lives. All absolute. */
export interface IsolationDirs {
  goroot: string
  gopath: string
  gocache: string
  /** A go.env file of this version's own (it need not exist), so `go env -w` settings of the machine never apply. */
  goenv: string
  gobin: string
  /** Shared by every version: modules are downloaded once. */
  gomodcache: string
  /**
   * GOTMPDIR, where go build and go test make their go-build* folders: the version's own, in the
   * work folder (each of its runs in a folder of its own inside it, version-run.ts), removed when
   * the job's go commands are done (pipeline.ts), so that a killed go leaves nothing in /tmp. A GOTMPDIR the
   * user set wins (docs/isolation.md).
   */
  gotmpdir: string
}

/**
 * Where a run keeps its state, all absolute: the work folder (each version's GOPATH, GOBIN and
 * go.env, under `<workDir>/<version>`) and the cache folder (each version's GOCACHE, under
 * `<cacheDir>/<version>/gocache`, and the module cache all versions share), which may be kept
 * between runs: Go's caches are content-addressed and safe for concurrent use.
 */
export interface MatrixPaths {
  workDir: string
  cacheDir: string
  gomodcache: string
}

/** A version's GOTMPDIR: `<workDir>/<version>/tmp`. */
export function scratchDirOf(workDir: string, version: string): string {
  return path.join(workDir, version, 'tmp')
}

/**
 * One version's directories. The benchmarks use it too, so that their shell loops share the
 * runner's warm caches.
 */
export function versionDirs(goroot: string, paths: MatrixPaths, version: string): IsolationDirs {
  const state = path.join(paths.workDir, version)
  return {
    goroot,
    gopath: path.join(state, 'gopath'),
    gocache: path.join(paths.cacheDir, version, 'gocache'),
    goenv: path.join(state, 'go.env'),
    gobin: path.join(state, 'bin'),
    gomodcache: paths.gomodcache,
    gotmpdir: scratchDirOf(paths.workDir, version)
  }
}

/**
 * GO* variables passed through: they express the user's intent (where modules come from, what
 * is private, build flags, experiments, CPU levels, runtime tuning) and do not tie the run to
 * another toolchain or another machine's state.
 */
export const KEPT_GO_VARIABLES: readonly string[] = [
  'GO111MODULE',
  'GOPROXY',
  'GOPRIVATE',
  'GONOPROXY',
  'GONOSUMDB',
  'GOSUMDB',
  'GOINSECURE',
  'GOVCS',
  'GOAUTH',
  'GOFLAGS',
  'GOEXPERIMENT',
  'GOWORK',
  'GOTMPDIR',
  'GODEBUG',
  'GOGC',
  'GOMEMLIMIT',
  'GOMAXPROCS',
  'GOTRACEBACK',
  'GOAMD64',
  'GOARM',
  'GOARM64',
  'GO386',
  'GOMIPS',
  'GOMIPS64',
  'GOPPC64',
  'GORISCV64',
  'GOWASM'
]

/** Set by go-matrix for every version, whatever the inherited environment says. */
export const OWNED_GO_VARIABLES: readonly string[] = [
  'GOROOT',
  'GOPATH',
  'GOCACHE',
  'GOENV',
  'GOBIN',
  'GOMODCACHE',
  'GOTOOLCHAIN'
]

const KEPT = new Set(KEPT_GO_VARIABLES)

/**
 * True when an inherited variable is dropped: every GO* variable that is neither kept nor owned
 * (GOOS, GOARCH, GOHOSTOS, GOTOOLDIR, GOROOT_FINAL, GOCOVERDIR, any unknown GO* name). Variables
 * that do not start with GO (CGO_ENABLED, CC, CXX, PKG_CONFIG, HOME, proxies…) are the user's
 * and pass through.
 */
export function isDroppedVariable(name: string): boolean {
  return name.startsWith('GO') && !KEPT.has(name)
}

/**
 * The environment for one version. `delimiter` is PATH's separator (':' or ';'), a parameter so
 * the function stays pure and testable for either platform.
 */
export function isolatedEnv(
  inherited: NodeJS.ProcessEnv,
  dirs: IsolationDirs,
  delimiter: string = path.delimiter
): Record<string, string> {
  const env: Record<string, string> = {}
  let pathKey = 'PATH'
  for (const [name, value] of Object.entries(inherited)) {
    if (value === undefined || isDroppedVariable(name)) continue
    // Windows spells it Path; keep the spelling the child will look up.
    if (name.toUpperCase() === 'PATH') {
      pathKey = name
      continue
    }
    env[name] = value
  }
  const inheritedPath = inherited[pathKey] ?? ''
  const bin = path.join(dirs.goroot, 'bin')
  env[pathKey] = inheritedPath === '' ? bin : `${bin}${delimiter}${inheritedPath}`
  env.GOROOT = dirs.goroot
  env.GOPATH = dirs.gopath
  env.GOCACHE = dirs.gocache
  env.GOENV = dirs.goenv
  env.GOBIN = dirs.gobin
  env.GOMODCACHE = dirs.gomodcache
  env.GOTOOLCHAIN = 'local'
  if (!inherited.GOTMPDIR) env.GOTMPDIR = dirs.gotmpdir
  env.GOFLAGS = withFlag(inherited.GOFLAGS ?? '', '-modcacherw')
  return env
}

/**
 * Appends a flag to a GOFLAGS value unless it is there already. -modcacherw keeps the shared
 * module cache writable, so it can be cleaned or cached without a permission error.
 */
function withFlag(goflags: string, flag: string): string {
  const words = goflags.split(/\s+/).filter(w => w !== '')
  return words.includes(flag) ? words.join(' ') : [...words, flag].join(' ')
}

/** The environment of a cross-compile check: the version's own, for another GOOS/GOARCH, without cgo. */
export function crossCompileEnv(
  env: Record<string, string>,
  target: {goos: string; goarch: string}
): Record<string, string> {
  return {...env, GOOS: target.goos, GOARCH: target.goarch, CGO_ENABLED: '0'}
}
