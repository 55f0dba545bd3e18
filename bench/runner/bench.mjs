// Benchmark: the runner (runMatrix, built into ../../lib) against a plain bash loop that runs the
// same `go test -json -coverprofile` command with the same toolchains, the same isolated
// environment and the same module, in the same run. Both sides share warm build caches (one
// warm-up round of each is not counted) and pass -count=1, so every round compiles nothing new
// but really runs the tests. Prints medians of ROUNDS rounds (interleaved, order rotating) and the ratios.
//
//   npx tsc -p tsconfig.build.json && node bench/runner/bench.mjs [rounds] [--minors 1.21,1.24,1.26,1.27]
import {spawnSync} from 'node:child_process'
import {mkdirSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {matrixPaths, runMatrix} from '../../lib/runner/matrix.js'
import {isolatedEnv, versionDirs} from '../../lib/runner/env.js'
import {silentLogger} from '../../lib/util/log.js'
import {gorootOf} from '../../scripts/toolchains.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const moduleDir = path.resolve(here, '../../__tests__/fixtures/modules/multi')
const args = process.argv.slice(2)
// An old version, a middle one and oldstable and stable, as the tests run; `--minors 1.19,1.23` for others.
const minorsFlag = args.indexOf('--minors')
const minors = minorsFlag < 0 ? ['1.21', '1.24', '1.26', '1.27'] : args.splice(minorsFlag, 2)[1].split(',')
const rounds = Number(args[0] ?? 7)
const root = path.join(os.tmpdir(), 'go-matrix-bench-runner')
const paths = matrixPaths({workDir: path.join(root, 'work')})
const {workDir} = paths
const testFlags = ['-count=1']

const toolchains = minors.map(minor => {
  const goroot = gorootOf(minor)
  const out = spawnSync(path.join(goroot, 'bin', 'go'), ['version'], {encoding: 'utf8', env: {...process.env, GOTOOLCHAIN: 'local'}})
  const version = /go version go(\S+) /.exec(out.stdout)?.[1]
  if (!version) throw new Error(`${goroot}: cannot read the version (${out.stderr || out.error})`)
  return {spec: minor, version, goroot, sha256: '', source: 'local', seconds: 0}
})
const inherited = {...process.env, GOPROXY: 'off'}

/** The same environment runMatrix gives each version (same GOCACHE dirs, so both sides share warm caches). */
function envFor(t) {
  const dirs = versionDirs(t.goroot, paths, t.version)
  // As the runner does before a version runs: go refuses to start without its GOTMPDIR.
  mkdirSync(dirs.gotmpdir, {recursive: true})
  return isolatedEnv(inherited, dirs)
}

const quote = s => `'${String(s).replace(/'/g, `'\\''`)}'`

/** The peer: one bash loop, one `env -i … go test` per version, output to files like the runner's. */
function shellLoopScript(reportDir) {
  const lines = ['set -u']
  for (const t of toolchains) {
    const dir = path.join(reportDir, t.version)
    const vars = Object.entries(envFor(t)).map(([k, v]) => quote(`${k}=${v}`)).join(' ')
    const args = ['test', '-json', `-coverprofile=${path.join(dir, 'coverage.out')}`, ...testFlags, './...'].map(quote).join(' ')
    lines.push(`mkdir -p ${quote(dir)}`)
    lines.push(`env -i ${vars} ${quote(path.join(t.goroot, 'bin', 'go'))} ${args} > ${quote(path.join(dir, 'test.json'))} 2> ${quote(path.join(dir, 'build.log'))} || echo "go ${t.version} failed" >&2`)
  }
  return lines.join('\n')
}

async function timeShellLoop() {
  const reportDir = path.join(root, 'loop')
  rmSync(reportDir, {recursive: true, force: true})
  const script = shellLoopScript(reportDir)
  const started = process.hrtime.bigint()
  const r = spawnSync('bash', ['-c', script], {cwd: moduleDir, encoding: 'utf8'})
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  if (r.status !== 0 || r.stderr !== '') throw new Error(`shell loop failed: ${r.stderr}`)
  return seconds
}

async function timeRunner(maxParallel) {
  const reportDir = path.join(root, `runner-${maxParallel}`)
  rmSync(reportDir, {recursive: true, force: true})
  const started = process.hrtime.bigint()
  const runs = await runMatrix({
    toolchains, moduleDir, packages: ['./...'], build: false, vet: false, buildTargets: [], testFlags,
    coverMode: '', coverPackages: '', maxParallel, timeoutMinutes: 10, reportDir, workDir, env: inherited,
    logger: silentLogger
  })
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  const bad = runs.filter(r => r.status !== 'passed')
  if (bad.length > 0) throw new Error(`runner: ${bad.map(r => `${r.toolchain.version} ${r.status} ${r.reason}`).join(', ')}`)
  return seconds
}

const median = xs => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

mkdirSync(root, {recursive: true})
const sides = {
  'bash loop': () => timeShellLoop(),
  'runMatrix maxParallel 1': () => timeRunner(1),
  'runMatrix maxParallel 2': () => timeRunner(2)
}
// Warm-up: fills each version's GOCACHE for both sides (they share it), not counted.
for (const run of Object.values(sides)) await run()
const times = Object.fromEntries(Object.keys(sides).map(k => [k, []]))
// The order rotates every round, so no side always runs right after the same other one.
const names = Object.keys(sides)
for (let i = 0; i < rounds; i++) {
  for (let j = 0; j < names.length; j++) {
    const name = names[(i + j) % names.length]
    times[name].push(await sides[name]())
  }
}
console.log(`module: __tests__/fixtures/modules/multi (4 packages), Go ${toolchains.map(t => t.version).join(', ')}, ${rounds} rounds, ${os.availableParallelism()} CPUs, warm GOCACHE, -count=1`)
for (const [name, xs] of Object.entries(times)) {
  console.log(`${name.padEnd(24)} median ${median(xs).toFixed(3)}s  (${xs.map(x => x.toFixed(2)).join(' ')})`)
}
const loop = median(times['bash loop'])
const mp1 = median(times['runMatrix maxParallel 1'])
const mp2 = median(times['runMatrix maxParallel 2'])
console.log(`runMatrix maxParallel 1 / bash loop: ${(mp1 / loop).toFixed(3)} (overhead ${((mp1 / loop - 1) * 100).toFixed(1)}%)`)
console.log(`runMatrix maxParallel 2 / bash loop: ${(mp2 / loop).toFixed(3)} (speed-up ${(loop / mp2).toFixed(2)}x)`)
console.log(`runMatrix maxParallel 2 / maxParallel 1: ${(mp2 / mp1).toFixed(3)}`)
