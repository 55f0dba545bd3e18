import {execFileSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import type {ChangedFile} from '../../src/compare/diff.js'
import {changedLines} from '../../src/git/changed-lines.js'
import {gitRunner} from '../../src/git/run-git.js'
import {silentLogger} from '../../src/util/log.js'

const gitEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@example.com',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@example.com',
  GIT_CONFIG_NOSYSTEM: '1'
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {cwd, encoding: 'utf8', env: gitEnv, stdio: ['ignore', 'pipe', 'pipe']}).trim()
}

const numbered = (from: number, to: number): string =>
  Array.from({length: to - from + 1}, (_, i) => `line ${from + i}`).join('\n') + '\n'

function write(dir: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, file)), {recursive: true})
  writeFileSync(path.join(dir, file), text)
}

function commitAll(dir: string, message: string): string {
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '-m', message)
  return git(dir, 'rev-parse', 'HEAD')
}

/**
 * The origin: a main branch with 80 commits of history (more than the tests deepen by), a pull request branch of 20 commits (19 notes,
 * then code edits: a modified, an added, a renamed and a deleted file), and main moving on after
 * the branch point (three edits to pkg/later.go), so a two-dot diff differs from the three-dot one.
 * refs/pull/1/merge is the merge commit a pull_request checkout gets.
 */
interface Origin {
  dir: string
  base: string
  head: string
}

function makeOrigin(root: string): Origin {
  const dir = path.join(root, 'origin')
  mkdirSync(dir)
  git(dir, 'init', '-q', '-b', 'main')
  write(dir, 'pkg/edit.go', numbered(1, 20))
  write(dir, 'pkg/old.go', numbered(1, 30))
  write(dir, 'pkg/gone.go', numbered(1, 5))
  write(dir, 'pkg/later.go', numbered(1, 10))
  commitAll(dir, 'start')
  for (let i = 1; i <= 80; i++) {
    write(dir, 'history.txt', numbered(1, i))
    commitAll(dir, `history ${i}`)
  }
  git(dir, 'checkout', '-q', '-b', 'feature')
  for (let i = 1; i <= 19; i++) {
    write(dir, 'docs/notes.md', numbered(1, i))
    commitAll(dir, `note ${i}`)
  }
  const edited = numbered(1, 20).trimEnd().split('\n')
  edited[2] = 'changed 3'
  edited.splice(10, 0, 'new a', 'new b')
  edited.splice(16, 2)
  write(dir, 'pkg/edit.go', edited.join('\n') + '\n')
  renameSync(path.join(dir, 'pkg/old.go'), path.join(dir, 'pkg/renamed.go'))
  write(dir, 'pkg/renamed.go', numbered(1, 29) + 'changed 30\n')
  rmSync(path.join(dir, 'pkg/gone.go'))
  write(dir, 'pkg/fresh.go', 'package fresh\n\nfunc F() {}\n')
  const head = commitAll(dir, 'the change')
  git(dir, 'checkout', '-q', 'main')
  const later = numbered(1, 10).trimEnd().split('\n')
  for (const line of [5, 6, 7]) {
    later[line - 1] = `main changed ${line}`
    write(dir, 'pkg/later.go', later.join('\n') + '\n')
    commitAll(dir, `main ${line}`)
  }
  const base = git(dir, 'rev-parse', 'HEAD')
  git(dir, 'checkout', '-q', '--detach', base)
  git(dir, 'merge', '-q', '--no-ff', '-m', 'merge', head)
  git(dir, 'update-ref', 'refs/pull/1/merge', 'HEAD')
  git(dir, 'checkout', '-q', 'main')
  return {dir, base, head}
}

const threeDot: ChangedFile[] = [
  {path: 'docs/notes.md', oldPath: null, status: 'added', lines: Array.from({length: 19}, (_, i) => i + 1)},
  {path: 'pkg/edit.go', oldPath: null, status: 'modified', lines: [3, 11, 12]},
  {path: 'pkg/fresh.go', oldPath: null, status: 'added', lines: [1, 2, 3]},
  {path: 'pkg/gone.go', oldPath: null, status: 'deleted', lines: []},
  {path: 'pkg/renamed.go', oldPath: 'pkg/old.go', status: 'renamed', lines: [30]}
]

let root: string
let origin: Origin
let clones = 0

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'go-matrix-changed-lines-'))
  origin = makeOrigin(root)
})

afterAll(() => {
  rmSync(root, {recursive: true, force: true})
})

/** A clone of the origin made with `args`; returns its directory. */
function clone(...args: string[]): string {
  const dir = path.join(root, `clone-${++clones}`)
  git(root, 'clone', '-q', '--no-tags', ...args, `file://${origin.dir}`, dir)
  return dir
}

/** A checkout the way actions/checkout makes one for a pull request: the merge commit alone. */
function pullRequestCheckout(): string {
  const dir = path.join(root, `clone-${++clones}`)
  mkdirSync(dir)
  git(dir, 'init', '-q')
  git(dir, 'remote', 'add', 'origin', `file://${origin.dir}`)
  git(dir, 'fetch', '-q', '--no-tags', '--depth=1', 'origin', '+refs/pull/1/merge:refs/remotes/pull/1/merge')
  git(dir, 'checkout', '-q', '--detach', 'refs/remotes/pull/1/merge')
  return dir
}

const isShallow = (dir: string): boolean => git(dir, 'rev-parse', '--is-shallow-repository') === 'true'
const short = (sha: string): string => sha.slice(0, 7)

describe('changedLines', () => {
  it('diffs base...head in a full clone, with paths from the repository root when run in a subdirectory', async () => {
    const result = await changedLines({repoDir: path.join(origin.dir, 'pkg'), baseSha: origin.base, headSha: origin.head, logger: silentLogger})
    expect(result.changed).toEqual(threeDot)
    expect(result.note).toBe(`Changed lines of ${short(origin.base)}...${short(origin.head)}: 26 in 5 files.`)
  })

  it("ignores the user's diff settings: no prefixes, relative paths, colours, external diff tools", async () => {
    const dir = clone()
    for (const [name, value] of [['diff.noprefix', 'true'], ['diff.relative', 'true'], ['color.ui', 'always'], ['diff.external', 'false'], ['diff.renames', 'false']]) {
      git(dir, 'config', name as string, value as string)
    }
    const result = await changedLines({repoDir: path.join(dir, 'pkg'), baseSha: origin.base, headSha: origin.head, logger: silentLogger})
    expect(result.changed).toEqual(threeDot)
  })

  it('fetches the missing head commit of a shallow clone and deepens it until the merge base appears', async () => {
    const dir = clone('--depth=1', '--branch', 'main')
    const result = await changedLines({repoDir: dir, baseSha: origin.base, headSha: origin.head, logger: silentLogger})
    expect(result.changed).toEqual(threeDot)
    // The branch point is 20 commits below head: one step of 16 is not enough, 16 + 32 is.
    expect(result.note).toBe(
      `Changed lines of ${short(origin.base)}...${short(origin.head)}: 26 in 5 files (fetched ${short(origin.head)} from origin, then deepened the shallow history by 48 commits).`
    )
    expect(isShallow(dir)).toBe(true)
  })

  it('fetches both commits when the checkout holds only the pull request merge commit', async () => {
    const dir = pullRequestCheckout()
    const result = await changedLines({repoDir: dir, baseSha: origin.base, headSha: origin.head, logger: silentLogger, deepenSteps: [64]})
    expect(result.changed).toEqual(threeDot)
    expect(result.note).toContain(`fetched ${short(origin.base)} and ${short(origin.head)} from origin, then deepened the shallow history by 64 commits`)
  })

  it('fetches a missing commit into a full clone without making it shallow', async () => {
    const dir = clone('--single-branch', '--branch', 'main')
    expect(() => git(dir, 'cat-file', '-e', `${origin.head}^{commit}`)).toThrow()
    const result = await changedLines({repoDir: dir, baseSha: origin.base, headSha: origin.head, logger: silentLogger})
    expect(result.changed).toEqual(threeDot)
    expect(result.note).toContain(`(fetched ${short(origin.head)} from origin)`)
    expect(isShallow(dir)).toBe(false)
  })

  it('falls back to a two-dot diff, and says so, when deepening does not reach the merge base', async () => {
    const dir = clone('--depth=1', '--branch', 'main')
    const result = await changedLines({repoDir: dir, baseSha: origin.base, headSha: origin.head, logger: silentLogger, deepenSteps: [2]})
    // base..head also counts main's three later edits, which head does not have, as changed lines.
    expect(result.changed).toEqual([
      ...threeDot.slice(0, 4),
      {path: 'pkg/later.go', oldPath: null, status: 'modified', lines: [5, 6, 7]},
      threeDot[4]
    ])
    expect(result.note).toBe(
      `Changed lines of ${short(origin.base)}..${short(origin.head)}: 29 in 6 files (fetched ${short(origin.head)} from origin, then deepened the shallow history by 2 commits).` +
        ` The shallow history has no merge base of ${short(origin.base)}...${short(origin.head)} within 2 more commits, so these are the lines of the two-dot diff ${short(origin.base)}..${short(origin.head)}, which also include changes made on the base branch since the pull request branched off.`
    )
  })

  it('reports why when the missing commit cannot be fetched', async () => {
    const dir = clone('--depth=1', '--branch', 'main')
    git(dir, 'remote', 'set-url', 'origin', `file://${path.join(root, 'no-such-origin')}`)
    const result = await changedLines({repoDir: dir, baseSha: origin.base, headSha: origin.head, logger: silentLogger})
    expect(result.changed).toBeNull()
    expect(result.note).toMatch(
      new RegExp(`^The pull request's changed lines are unknown: the checkout does not have the head commit ${short(origin.head)}, and fetching from origin failed: fatal: .*no-such-origin.*\\(exit status 128\\)\\.$`)
    )
  })

  it('reports a commit that exists nowhere', async () => {
    const nowhere = 'f'.repeat(40)
    const result = await changedLines({repoDir: origin.dir, baseSha: origin.base, headSha: nowhere, logger: silentLogger})
    expect(result.changed).toBeNull()
    expect(result.note).toContain(`the checkout does not have the head commit fffffff, and fetching from origin failed:`)
  })

  it.each([
    ['an abbreviated commit', 'abc1234', 'base'],
    ['an empty value', '', 'base'],
    ['a branch name', 'main', 'base']
  ])('refuses %s as the base commit', async (_, baseSha, which) => {
    const result = await changedLines({repoDir: origin.dir, baseSha, headSha: origin.head, logger: silentLogger})
    expect(result).toEqual({changed: null, note: `The pull request's changed lines are unknown: the event's ${which} commit ${JSON.stringify(baseSha)} is not a full commit id.`})
  })

  it('reports a directory outside any repository', async () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'go-matrix-not-a-repo-'))
    try {
      const result = await changedLines({
        repoDir: outside,
        baseSha: origin.base,
        headSha: origin.head,
        logger: silentLogger,
        run: gitRunner({env: {...gitEnv, GIT_CEILING_DIRECTORIES: path.dirname(outside)}})
      })
      expect(result.changed).toBeNull()
      expect(result.note).toBe(`The pull request's changed lines are unknown: ${outside} is not inside a git repository: fatal: not a git repository (or any of the parent directories): .git (exit status 128).`)
    } finally {
      rmSync(outside, {recursive: true, force: true})
    }
  })

  it('stops when cancelled', async () => {
    const result = await changedLines({repoDir: origin.dir, baseSha: origin.base, headSha: origin.head, logger: silentLogger, signal: AbortSignal.abort()})
    expect(result).toEqual({changed: null, note: "The pull request's changed lines are unknown: the run was cancelled."})
  })

  it('reports a git that cannot be run', async () => {
    const result = await changedLines({
      repoDir: origin.dir,
      baseSha: origin.base,
      headSha: origin.head,
      logger: silentLogger,
      run: gitRunner({git: path.join(root, 'no-such-git')})
    })
    expect(result.changed).toBeNull()
    expect(result.note).toMatch(/^The pull request's changed lines are unknown: git cannot be run \(.*no-such-git: could not start: .*ENOENT.*\)\.$/)
  })
})
