// Changed lines of a pull request from a shallow checkout: changedLines (fetch the two commits at
// depth 1, then deepen step by step until the merge base appears) against the usual workaround,
// `git fetch --unshallow` then `git diff base...head` (what `fetch-depth: 0` amounts to).
//
//   npx tsc -p tsconfig.build.json && node bench/changed-lines/changed-lines.mjs [--main 5000] [--behind 200] [--feature 30] [--runs 5]
//
// The origin is made with git fast-import: `--main` commits on main, each editing one line of one
// of 200 files; the pull request branches off `--behind` commits before main's tip and has
// `--feature` commits. Each run starts from a fresh actions/checkout-style clone (the PR merge
// commit alone, depth 1) over file://, so the figures leave out network latency: the fetch
// count is printed too, as each fetch is a round trip on a real remote.
import {execFileSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {parseGitDiff} from '../../lib/compare/diff.js'
import {changedLines} from '../../lib/git/changed-lines.js'
import {gitRunner} from '../../lib/git/run-git.js'
import {silentLogger} from '../../lib/util/log.js'

const args = process.argv.slice(2)
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? Number(args[i + 1]) : fallback
}
const MAIN = option('main', 5000)
const BEHIND = option('behind', 200)
const FEATURE = option('feature', 30)
const RUNS = option('runs', 5)
const FILES = 200
const LINES = 60

const env = {...process.env, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@example.com', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@example.com', GIT_CONFIG_NOSYSTEM: '1'}
const git = (cwd, ...a) => execFileSync('git', a, {cwd, env, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['pipe', 'pipe', 'pipe']}).trim()

/** A fast-import stream: main's history, the feature branch off main~BEHIND, and the PR merge ref. */
function importStream() {
  const files = Array.from({length: FILES}, (_, f) => Array.from({length: LINES}, (_, l) => `file ${f} line ${l + 1}`))
  const out = []
  let mark = 0
  let time = 1_700_000_000
  const commit = (ref, message, from, edits, merge) => {
    const m = ++mark
    out.push(`commit ${ref}`, `mark :${m}`, `committer b <b@example.com> ${time++} +0000`, `data ${Buffer.byteLength(message)}`, message)
    if (from) out.push(`from :${from}`)
    if (merge) out.push(`merge :${merge}`)
    for (const [f, lines] of edits) {
      const text = lines.join('\n') + '\n'
      out.push(`M 100644 inline pkg/f${f}.go`, `data ${Buffer.byteLength(text)}`, text)
    }
    return m
  }
  let tip = commit('refs/heads/main', 'start', 0, files.map((lines, f) => [f, lines]))
  let forkPoint = tip
  const featureFiles = files.map(lines => [...lines])
  for (let i = 1; i <= MAIN; i++) {
    const f = i % FILES
    files[f][i % LINES] = `main edit ${i}`
    tip = commit('refs/heads/main', `main ${i}`, tip, [[f, files[f]]])
    if (i === MAIN - BEHIND) {
      forkPoint = tip
      for (let g = 0; g < FILES; g++) featureFiles[g] = [...files[g]]
    }
  }
  let head = forkPoint
  for (let i = 1; i <= FEATURE; i++) {
    const f = (i * 7) % FILES
    featureFiles[f][(i * 3) % LINES] = `feature edit ${i}`
    head = commit('refs/heads/feature', `feature ${i}`, head, [[f, featureFiles[f]]])
  }
  // The merge commit's tree is not the point here: any tree will do for a checkout to start from.
  commit('refs/pull/1/merge', 'merge', tip, [], head)
  return out.join('\n') + '\n'
}

function checkout(root, origin, n) {
  const dir = path.join(root, `checkout-${n}`)
  mkdirSync(dir)
  git(dir, 'init', '-q')
  git(dir, 'remote', 'add', 'origin', `file://${origin}`)
  git(dir, 'fetch', '-q', '--no-tags', '--depth=1', 'origin', '+refs/pull/1/merge:refs/remotes/pull/1/merge')
  git(dir, 'checkout', '-q', '--detach', 'refs/remotes/pull/1/merge')
  return dir
}

/** Counts the git fetches a runner makes. */
function countingRunner() {
  const run = gitRunner({env})
  const counter = {fetches: 0}
  counter.run = (a, cwd, signal) => {
    if (a[0] === 'fetch') counter.fetches++
    return run(a, cwd, signal)
  }
  return counter
}

const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const objectCount = dir => git(dir, 'count-objects', '-v').split('\n').filter(l => /^(count|in-pack):/.test(l)).reduce((n, l) => n + Number(l.split(': ')[1]), 0)

const root = mkdtempSync(path.join(os.tmpdir(), 'go-matrix-bench-changed-lines-'))
try {
  const origin = path.join(root, 'origin')
  mkdirSync(origin)
  git(origin, 'init', '-q', '--bare')
  execFileSync('git', ['fast-import', '--quiet'], {cwd: origin, env, input: importStream()})
  const base = git(origin, 'rev-parse', 'main')
  const head = git(origin, 'rev-parse', 'feature')
  const expected = git(origin, 'diff', '--unified=0', '-M', `${base}...${head}`)
  console.log(`origin: ${MAIN + 1} commits on main, pull request ${FEATURE} commits branched ${BEHIND} commits behind main's tip; ${RUNS} runs each, alternated`)

  const times = {changedLines: [], unshallow: []}
  const objects = {changedLines: 0, unshallow: 0}
  let fetches = 0
  let note = ''
  for (let r = 0; r < RUNS; r++) {
    for (const contender of r % 2 === 0 ? ['changedLines', 'unshallow'] : ['unshallow', 'changedLines']) {
      const dir = checkout(root, origin, `${r}-${contender}`)
      const started = process.hrtime.bigint()
      if (contender === 'changedLines') {
        const counter = countingRunner()
        const result = await changedLines({repoDir: dir, baseSha: base, headSha: head, logger: silentLogger, run: counter.run})
        if (result.changed === null) throw new Error(result.note)
        if (JSON.stringify(result.changed) !== JSON.stringify(parseGitDiff(expected))) throw new Error('changedLines differs from the origin diff')
        fetches = counter.fetches
        note = result.note
      } else {
        git(dir, 'fetch', '-q', '--no-tags', '--unshallow', 'origin', base, head)
        const diff = git(dir, 'diff', '--unified=0', '-M', `${base}...${head}`)
        if (diff !== expected) throw new Error('the unshallowed diff differs from the origin diff')
      }
      times[contender].push(Number(process.hrtime.bigint() - started) / 1e6)
      objects[contender] = objectCount(dir)
      rmSync(dir, {recursive: true, force: true})
    }
  }
  const a = median(times.changedLines)
  const b = median(times.unshallow)
  console.log(`changedLines: median ${a.toFixed(0)} ms, ${fetches} fetches, ${objects.changedLines} objects in the checkout`)
  console.log(`  ${note}`)
  console.log(`fetch --unshallow + diff: median ${b.toFixed(0)} ms, 1 fetch, ${objects.unshallow} objects in the checkout`)
  console.log(`ratio changedLines / unshallow: ${(a / b).toFixed(2)}x`)
} finally {
  rmSync(root, {recursive: true, force: true})
}
