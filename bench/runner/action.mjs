// Benchmark: the whole action (dist/index.js, run the way the GitHub runner runs it) with
// max-parallel 1 and 2, against a plain bash loop running the same `go test -json
// -coverprofile` commands with the same toolchains, environment and module, in the same run.
// The action also resolves and finds its toolchains (local-toolchains, with the index from a
// loopback go.dev mirror), parses every profile, runs `go tool cover -func` per version and
// writes report.json, LCOV and the summary: that is its overhead over the loop.
// Both sides share warm build caches (one uncounted warm-up round each) and pass -count=1.
//
//   npm run build && node bench/runner/action.mjs [rounds] [count] [--module DIR] [--minors 1.21,1.24,1.26,1.27]
//
// The module (default bench/runner/module, five packages whose tests take ~2.7 s per version, as
// a small real library's do) is run by both sides; `--module __tests__/fixtures/modules/multi`
// shows the same fixed cost against a test fixture whose four runs take 1.5 s in all.
// `count` (default 1) is passed to both sides as -count=N: the same module's tests run N times,
// which shows how the action's fixed cost per job compares with test suites that take longer.
import {spawn, spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import readline from 'node:readline'
import {isolatedEnv, versionDirs} from '../../lib/runner/env.js'
import {matrixPaths} from '../../lib/runner/matrix.js'
import {INPUTS} from '../../lib/inputs/definitions.js'
import {gorootOf} from '../../scripts/toolchains.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const repo = path.resolve(here, '../..')
const args = process.argv.slice(2)
const moduleFlag = args.indexOf('--module')
const fixture = moduleFlag < 0 ? 'bench/runner/module' : args.splice(moduleFlag, 2)[1]
// An old version, a middle one and oldstable and stable, as the tests run; `--minors 1.19,1.23` for others.
const minorsFlag = args.indexOf('--minors')
const minors = minorsFlag < 0 ? ['1.21', '1.24', '1.26', '1.27'] : args.splice(minorsFlag, 2)[1].split(',')
const moduleDir = path.resolve(repo, fixture)
const rounds = Number(args[0] ?? 7)
const count = Number(args[1] ?? 1)
const root = path.join(os.tmpdir(), 'go-matrix-bench-action')
const reportDir = path.join(root, 'report')
// The bundle keeps its work folder under RUNNER_TEMP (actionEnv); the shell loop shares it.
const paths = matrixPaths({workDir: path.join(root, 'temp', 'go-matrix-work')})
const inherited = {...process.env, GOPROXY: 'off'}

const toolchains = minors.map(minor => {
  const goroot = gorootOf(minor)
  const out = spawnSync(path.join(goroot, 'bin', 'go'), ['version'], {encoding: 'utf8', env: {...process.env, GOROOT: goroot, GOTOOLCHAIN: 'local'}})
  const version = /go version go(\S+) /.exec(out.stdout)?.[1]
  if (!version) throw new Error(`${goroot}: cannot read the version (${out.stderr || out.error})`)
  return {version, goroot}
})

async function startMirror() {
  const child = spawn(process.execPath, [path.join(repo, '__tests__/helpers/go-mirror-server.mjs'), '--port', '0', '--versions', minors.join(','), '--compression', 'gzip'], {
    stdio: ['ignore', 'pipe', 'inherit']
  })
  const line = await new Promise((resolve, reject) => {
    readline.createInterface({input: child.stdout}).once('line', resolve)
    child.once('exit', code => reject(new Error(`go mirror exited with ${code}`)))
  })
  return {url: line.trim(), close: () => child.kill('SIGTERM')}
}

function actionEnv(mirrorUrl, maxParallel) {
  const files = path.join(root, 'runner-files')
  const env = {
    ...inherited,
    GITHUB_WORKSPACE: repo,
    GITHUB_OUTPUT: path.join(files, 'output'),
    GITHUB_STEP_SUMMARY: path.join(files, 'summary'),
    GITHUB_STATE: path.join(files, 'state'),
    RUNNER_TEMP: path.join(root, 'temp'),
    RUNNER_TOOL_CACHE: path.join(root, 'toolcache')
  }
  const inputs = {
    'go-versions': minors.join(','),
    'local-toolchains': toolchains.map(t => t.goroot).join(','),
    'download-base-url': mirrorUrl,
    'working-directory': path.relative(repo, moduleDir),
    'report-directory': reportDir,
    build: 'false',
    'test-flags': `-count=${count}`,
    'max-parallel': String(maxParallel),
    'max-version-delta': '100'
  }
  for (const input of INPUTS) env[`INPUT_${input.name.toUpperCase()}`] = inputs[input.name] ?? (input.default.startsWith('${{') ? '' : input.default)
  return env
}

function timeAction(mirrorUrl, maxParallel) {
  mkdirSync(path.join(root, 'runner-files'), {recursive: true})
  for (const f of ['output', 'summary', 'state']) writeFileSync(path.join(root, 'runner-files', f), '')
  const r = timed(process.execPath, [path.join(repo, 'dist/index.js')], {cwd: repo, env: actionEnv(mirrorUrl, maxParallel)})
  if (r.status !== 0) throw new Error(`action failed (${r.status}): ${r.stdout.split('\n').filter(l => l.startsWith('::error')).join('\n')}`)
  return r
}

/** Runs a command under /usr/bin/time: its wall time (measured here) and the CPU time of its whole process tree. */
function timed(command, argv, options) {
  const cpuFile = path.join(root, 'cpu')
  const started = process.hrtime.bigint()
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S', '-o', cpuFile, command, ...argv], {encoding: 'utf8', ...options})
  const wall = Number(process.hrtime.bigint() - started) / 1e9
  const [user, sys] = readFileSync(cpuFile, 'utf8').trim().split(/\s+/).slice(-2).map(Number)
  return {status: r.status, stdout: r.stdout, stderr: r.stderr, wall, cpu: user + sys}
}

const quote = s => `'${String(s).replace(/'/g, `'\\''`)}'`

/** The peer: one bash loop, one `env -i … go test` per version, with the action's own per-version environment and caches. */
function loopScript() {
  const out = path.join(root, 'loop')
  const lines = ['set -u']
  for (const t of toolchains) {
    const dirs = versionDirs(t.goroot, paths, t.version)
    const env = isolatedEnv(inherited, dirs)
    const dir = path.join(out, t.version)
    const vars = Object.entries(env).map(([k, v]) => quote(`${k}=${v}`)).join(' ')
    const args = ['test', '-json', `-coverprofile=${path.join(dir, 'coverage.out')}`, `-count=${count}`, './...'].map(quote).join(' ')
    // As the runner does before a version runs (go refuses to start without its GOTMPDIR), in every
    // round: the action's run, interleaved with the loop's, removes it when its go commands are done.
    lines.push(`mkdir -p ${quote(dir)} ${quote(dirs.gotmpdir)}`)
    lines.push(`env -i ${vars} ${quote(path.join(t.goroot, 'bin', 'go'))} ${args} > ${quote(path.join(dir, 'test.json'))} 2> ${quote(path.join(dir, 'build.log'))} || echo "go ${t.version} failed" >&2`)
  }
  return lines.join('\n')
}

function timeLoop(script) {
  const r = timed('bash', ['-c', script], {cwd: moduleDir})
  if (r.status !== 0 || r.stderr !== '') throw new Error(`shell loop failed: ${r.stderr}`)
  return r
}

const median = xs => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

if (!existsSync('/usr/bin/time')) throw new Error('needs /usr/bin/time (Debian package time) for the CPU time of each side')
rmSync(root, {recursive: true, force: true})
mkdirSync(root, {recursive: true})
const mirror = await startMirror()
try {
  const sides = {
    'action max-parallel 1': () => timeAction(mirror.url, 1),
    'action max-parallel 2': () => timeAction(mirror.url, 2),
    'bash loop': (() => {
      const script = loopScript()
      return () => timeLoop(script)
    })()
  }
  // Warm-up (not counted): the action creates the per-version caches the loop then shares.
  for (const run of Object.values(sides)) run()
  const names = Object.keys(sides)
  const times = Object.fromEntries(names.map(k => [k, []]))
  for (let i = 0; i < rounds; i++) {
    for (let j = 0; j < names.length; j++) {
      const name = names[(i + j) % names.length]
      times[name].push(sides[name]())
    }
  }
  console.log(`module: ${fixture}, Go ${toolchains.map(t => t.version).join(', ')}, ${rounds} rounds, ${os.availableParallelism()} CPUs, load ${os.loadavg()[0].toFixed(1)}, warm GOCACHE, -count=${count}`)
  for (const [name, xs] of Object.entries(times)) {
    const walls = xs.map(x => x.wall)
    console.log(`${name.padEnd(22)} median ${median(walls).toFixed(3)}s wall, ${median(xs.map(x => x.cpu)).toFixed(2)}s CPU  (${walls.map(x => x.toFixed(2)).join(' ')})`)
  }
  const med = (name, key) => median(times[name].map(x => x[key]))
  const loop = med('bash loop', 'wall')
  const a1 = med('action max-parallel 1', 'wall')
  const a2 = med('action max-parallel 2', 'wall')
  const cpu = med('action max-parallel 1', 'cpu') / med('bash loop', 'cpu')
  console.log(`action max-parallel 1 / bash loop: ${(a1 / loop).toFixed(3)} wall (overhead ${((a1 / loop - 1) * 100).toFixed(1)}%), ${cpu.toFixed(3)} CPU`)
  // The same ratio round by round (each round runs every side once, back to back), which a
  // slow spell of this shared machine moves less than it moves either side's median.
  const paired = median(times['action max-parallel 1'].map((x, i) => x.wall / times['bash loop'][i].wall))
  console.log(`action max-parallel 1 / bash loop, median of the per-round ratios: ${paired.toFixed(3)}`)
  console.log(`action max-parallel 2 / bash loop: ${(a2 / loop).toFixed(3)} wall`)
  console.log(`max-parallel 2 speed-up over 1: ${(a1 / a2).toFixed(2)}x`)
} finally {
  mirror.close()
}
