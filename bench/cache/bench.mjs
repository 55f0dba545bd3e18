// Benchmark (issue 11): the four-version matrix cold and warm, against the flow users have today for
// ONE version: actions/setup-go (its committed dist/, extracted at run time from the mirror at
// the repository --setup-go names, run as a runner runs it: INPUT_* variables, GITHUB_* files,
// its post step with STATE_*) followed by `go test -coverprofile ./...`.
// Both sides get Go from the loopback go.dev mirror and carry their caches through the loopback
// Actions cache service (v2); every run starts on a fresh runner (empty RUNNER_TEMP, tool cache and
// HOME, at the same paths). Cold: a push to main with an empty cache service, which saves. Warm: a
// pull request into main, which restores main's entries and saves nothing (setup-go: a hit).
//
//   npm run build && node bench/cache/bench.mjs [rounds=3] [--minors 1.24,1.25,1.26,1.27] [--one 1.27]
import {execFileSync, spawn} from 'node:child_process'
import {cpSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {startGoMirror} from '../../__tests__/helpers/go-mirror-server.mjs'
import {startActionsCacheStandIn} from '../../__tests__/helpers/actions-cache-server.mjs'
import {INPUTS} from '../../lib/inputs/definitions.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const repo = path.resolve(here, '../..')
const args = process.argv.slice(2)
const flag = (name, fallback) => {
  const i = args.indexOf(name)
  return i < 0 ? fallback : args.splice(i, 2)[1]
}
const minors = flag('--minors', '1.24,1.25,1.26,1.27').split(',')
const one = flag('--one', minors.at(-1))
// The peer's committed dist/ is read from a git repository of actions/setup-go given here (a bare
// snapshot is enough); it is extracted at run time and never copied into this repository.
const SETUP_GO = flag('--setup-go', process.env.SETUP_GO_REPO ?? '')
if (!SETUP_GO) {
  console.error('bench/cache: --setup-go DIR (or SETUP_GO_REPO) must name a git repository of actions/setup-go, e.g. a clone or a bare snapshot')
  process.exit(2)
}
const rounds = Number(args[0] ?? 3)

const root = path.join(os.tmpdir(), 'go-matrix-bench-cache')
rmSync(root, {recursive: true, force: true})
const workspace = path.join(root, 'workspace')
cpSync(path.join(repo, 'bench/runner/module'), workspace, {recursive: true})
// setup-go caches only with a dependency file to key on; an empty go.sum is a module without dependencies.
writeFileSync(path.join(workspace, 'go.sum'), '')
const setupGo = path.join(root, 'setup-go')
for (const file of ['dist/setup/index.js', 'dist/cache-save/index.js']) {
  mkdirSync(path.dirname(path.join(setupGo, file)), {recursive: true})
  writeFileSync(path.join(setupGo, file), execFileSync('git', ['-C', SETUP_GO, 'show', `HEAD:${file}`], {maxBuffer: 64 * 1024 * 1024}))
}
writeFileSync(path.join(setupGo, 'package.json'), '{}')

// A push to the default branch, the run that saves (cache-save: default-branch).
const eventFile = path.join(root, 'push.json')
writeFileSync(eventFile, JSON.stringify({ref: 'refs/heads/main', repository: {full_name: 'octo/bench', name: 'bench', owner: {login: 'octo'}, default_branch: 'main'}}))
const prEventFile = path.join(root, 'pull_request.json')
writeFileSync(
  prEventFile,
  JSON.stringify({number: 1, repository: {full_name: 'octo/bench', name: 'bench', owner: {login: 'octo'}, default_branch: 'main'}, pull_request: {number: 1, base: {ref: 'main', sha: 'a'.repeat(40)}, head: {ref: 'feature', sha: 'b'.repeat(40), repo: {full_name: 'octo/bench'}}}})
)
const mirror = await startGoMirror({versions: minors, compression: 'gzip'})
let cache = await startActionsCacheStandIn()

const runner = {temp: path.join(root, 'temp'), toolCache: path.join(root, 'toolcache'), home: path.join(root, 'home'), files: path.join(root, 'files')}
function freshRunner() {
  for (const dir of Object.values(runner)) {
    rmSync(dir, {recursive: true, force: true})
    mkdirSync(dir, {recursive: true})
  }
  for (const f of ['output', 'summary', 'state', 'env', 'path']) writeFileSync(path.join(runner.files, f), '')
}

/** A push to main (cold: it saves) or a pull request into main (warm: it restores main's entries, as most warm runs do). */
function baseEnv(event = 'push') {
  const push = event === 'push'
  return {
    PATH: process.env.PATH,
    HOME: runner.home,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'octo/bench',
    GITHUB_EVENT_NAME: push ? 'push' : 'pull_request',
    GITHUB_EVENT_PATH: push ? eventFile : prEventFile,
    GITHUB_REF: push ? 'refs/heads/main' : 'refs/pull/1/merge',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_RUN_ID: String(Date.now()),
    GITHUB_OUTPUT: path.join(runner.files, 'output'),
    GITHUB_STEP_SUMMARY: path.join(runner.files, 'summary'),
    GITHUB_STATE: path.join(runner.files, 'state'),
    GITHUB_ENV: path.join(runner.files, 'env'),
    GITHUB_PATH: path.join(runner.files, 'path'),
    RUNNER_TEMP: runner.temp,
    RUNNER_TOOL_CACHE: runner.toolCache,
    ImageOS: 'ubuntu24',
    RUNNER_OS: 'Linux',
    ...cache.envFor(push ? {ref: 'refs/heads/main'} : {ref: 'refs/pull/1/merge', readable: ['refs/heads/main']})
  }
}

/** `name<<DELIM … DELIM` and `name=value` lines (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_ENV). */
function parseFileCommands(text) {
  const out = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i])
    if (heredoc) {
      const value = []
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i])
      out[heredoc[1]] = value.join('\n')
    } else if (lines[i].includes('=')) out[lines[i].slice(0, lines[i].indexOf('='))] = lines[i].slice(lines[i].indexOf('=') + 1)
  }
  return out
}

/** Runs one step; asynchronously, since the mirror and the cache service answer from this process. */
async function step(command, argv, env, what) {
  const child = spawn(command, argv, {cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe']})
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', d => (stdout = (stdout + d).slice(-65536)))
  child.stderr.on('data', d => (stderr = (stderr + d).slice(-65536)))
  const status = await new Promise(resolve => child.on('close', resolve))
  if (status !== 0) throw new Error(`${what} failed (${status}):\n${stdout.slice(-4000)}\n${stderr.slice(-4000)}`)
  // What each step said about caches and what went wrong, to read beside the figures.
  for (const line of stdout.split('\n')) if (/^::(warning|error)::|cache (hit|restored|not found|saved)|Cache (hit|restored|saved|not found)/i.test(line)) console.error(`  ${what}: ${line.slice(0, 200)}`)
  return {stdout, stderr}
}

function withInputs(env, inputs, defaults) {
  for (const [name, value] of Object.entries({...defaults, ...inputs})) env[`INPUT_${name.toUpperCase()}`] = value
  return env
}

/** One go-matrix job: dist/index.js with the four versions, downloaded from the mirror. */
async function goMatrixRun(label, event) {
  freshRunner()
  const defaults = Object.fromEntries(INPUTS.map(i => [i.name, i.default.startsWith('${{') ? '' : i.default]))
  const env = withInputs(baseEnv(event), {
    'go-versions': minors.join(','),
    'download-base-url': mirror.baseUrl,
    'report-directory': path.join(root, `report-${label}`),
    baseline: 'none',
    comment: 'false',
    'max-version-delta': '100'
  }, defaults)
  const started = process.hrtime.bigint()
  await step(process.execPath, [path.join(repo, 'dist/index.js')], env, `go-matrix (${label})`)
  const wall = Number(process.hrtime.bigint() - started) / 1e9
  const report = JSON.parse(readFileSync(path.join(root, `report-${label}`, 'report.json'), 'utf8'))
  return {wall, report}
}

/** One setup-go job: its main step, `go test -coverprofile ./...` on the Go it put on PATH, its post step. */
async function setupGoRun(event) {
  freshRunner()
  const inputs = {'go-version': one, 'go-download-base-url': mirror.baseUrl, cache: 'true', 'cache-dependency-path': '', 'check-latest': 'false', token: '', architecture: '', 'go-version-file': ''}
  const version = mirror.archives?.find?.(a => a.version.startsWith(`${one}.`))?.version ?? one
  inputs['go-version'] = version
  const started = process.hrtime.bigint()
  await step(process.execPath, [path.join(setupGo, 'dist/setup/index.js')], withInputs(baseEnv(event), inputs, {}), 'setup-go')
  const added = readFileSync(path.join(runner.files, 'path'), 'utf8').split('\n').filter(Boolean)
  const exported = parseFileCommands(readFileSync(path.join(runner.files, 'env'), 'utf8'))
  const testEnv = {...baseEnv(event), ...exported, PATH: [...added.reverse(), process.env.PATH].join(path.delimiter)}
  await step('go', ['test', `-coverprofile=${path.join(runner.temp, 'coverage.out')}`, './...'], testEnv, 'go test')
  const state = parseFileCommands(readFileSync(path.join(runner.files, 'state'), 'utf8'))
  // The post step sees what the job's earlier steps added to PATH and the environment, as on a runner.
  const postEnv = withInputs({...testEnv, ...Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v]))}, inputs, {})
  await step(process.execPath, [path.join(setupGo, 'dist/cache-save/index.js')], postEnv, 'setup-go post')
  return {wall: Number(process.hrtime.bigint() - started) / 1e9}
}

const median = xs => {
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
const results = {cold: [], warm: [], setupCold: [], setupWarm: []}
let lastCold = null
let lastWarm = null
for (let round = 0; round < rounds; round++) {
  // Cold: an empty cache service.
  await cache.close()
  cache = await startActionsCacheStandIn()
  const cold = await goMatrixRun(`cold-${round}`, 'push')
  results.cold.push(cold.wall)
  lastCold = cold.report
  const warm = await goMatrixRun(`warm-${round}`, 'pull_request')
  results.warm.push(warm.wall)
  lastWarm = warm.report
  await cache.close()
  cache = await startActionsCacheStandIn()
  results.setupCold.push((await setupGoRun('push')).wall)
  results.setupWarm.push((await setupGoRun('pull_request')).wall)
  console.error(`round ${round + 1}: go-matrix cold ${cold.wall.toFixed(1)} s, warm ${warm.wall.toFixed(1)} s; setup-go cold ${results.setupCold.at(-1).toFixed(1)} s, warm ${results.setupWarm.at(-1).toFixed(1)} s`)
}
await cache.close()
await mirror.close()

const m = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, median(v)]))
console.log(`rounds: ${rounds}; go-matrix ${minors.join(', ')}; setup-go ${one}; module bench/runner/module`)
console.log(`go-matrix, 4 versions: cold ${m.cold.toFixed(1)} s, warm ${m.warm.toFixed(1)} s (warm/cold ${(m.warm / m.cold).toFixed(2)})`)
console.log(`setup-go + go test, 1 version: cold ${m.setupCold.toFixed(1)} s, warm ${m.setupWarm.toFixed(1)} s`)
console.log(`warm go-matrix (4 versions) / warm setup-go (1 version): ${(m.warm / m.setupWarm).toFixed(2)}x (target <= 1.2x)`)
console.log('per version (last round): saved by the cold run; restored by the warm run')
for (const v of lastWarm.versions) {
  const c = lastCold.versions.find(x => x.version === v.version)?.buildCache ?? {}
  const w = v.buildCache ?? {}
  console.log(
    `  Go ${v.version}: saved ${(c.savedBytes / 2 ** 20).toFixed(1)} MiB in ${c.saveSeconds} s; restored ${(w.restoredBytes / 2 ** 20).toFixed(1)} MiB in ${w.restoreSeconds} s; added ${w.addedEntries}; replayed ${v.cachedPackages} packages; run ${v.seconds.toFixed(1)} s (cold ${lastCold.versions.find(x => x.version === v.version).seconds.toFixed(1)} s)`
  )
}
