import {execFileSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from '@jest/globals'
import {lineCoverage} from '../../src/coverage/lines.js'
import {diffCoverage, parseGitDiff} from '../../src/compare/diff.js'
import {repositoryPaths} from '../../src/coverage/lcov.js'
import {makeProfile} from '../coverage/builders.js'
import {coverFixtures, fixtureRun, setProfile} from '../coverage/fixtures.js'

const numbered = (from: number, to: number): string =>
  Array.from({length: to - from + 1}, (_, i) => `line ${from + i}`).join('\n') + '\n'

/** A real `git diff --unified=0 BASE...HEAD` over edits, a rename, a deletion, a new file and a quoted name. */
function realDiff(): string {
  const repo = mkdtempSync(path.join(os.tmpdir(), 'go-matrix-diff-'))
  const git = (...args: string[]): string =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'core.quotePath=true', ...args], {cwd: repo, encoding: 'utf8'})
  git('init', '-q', '-b', 'main')
  mkdirSync(path.join(repo, 'pkg'))
  writeFileSync(path.join(repo, 'pkg', 'edit.go'), numbered(1, 20))
  writeFileSync(path.join(repo, 'pkg', 'old.go'), numbered(1, 30))
  writeFileSync(path.join(repo, 'pkg', 'gone.go'), numbered(1, 5))
  git('add', '-A')
  git('commit', '-q', '-m', 'base')
  git('checkout', '-q', '-b', 'feature')
  // edit.go: change line 3, insert two lines after 10, delete 15-16.
  const lines = numbered(1, 20).trimEnd().split('\n')
  lines[2] = 'changed 3'
  lines.splice(10, 0, 'new a', 'new b')
  lines.splice(16, 2)
  writeFileSync(path.join(repo, 'pkg', 'edit.go'), lines.join('\n') + '\n')
  renameSync(path.join(repo, 'pkg', 'old.go'), path.join(repo, 'pkg', 'renamed.go'))
  writeFileSync(path.join(repo, 'pkg', 'renamed.go'), numbered(1, 29) + 'changed 30\n')
  rmSync(path.join(repo, 'pkg', 'gone.go'))
  writeFileSync(path.join(repo, 'pkg', 'fresh.go'), 'package fresh\n\nfunc F() {}\n')
  writeFileSync(path.join(repo, 'pkg', 'sp é cial.go'), 'package special\n\n')
  git('add', '-A')
  git('commit', '-q', '-m', 'change')
  const diff = git('diff', '--unified=0', '-M', 'main...feature')
  rmSync(repo, {recursive: true, force: true})
  return diff
}

describe('parseGitDiff', () => {
  it('reads a real git diff: edits, renames, deletions, new files and quoted names', () => {
    const files = parseGitDiff(realDiff())
    expect(files).toEqual([
      {path: 'pkg/edit.go', oldPath: null, status: 'modified', lines: [3, 11, 12]},
      {path: 'pkg/fresh.go', oldPath: null, status: 'added', lines: [1, 2, 3]},
      {path: 'pkg/gone.go', oldPath: null, status: 'deleted', lines: []},
      {path: 'pkg/renamed.go', oldPath: 'pkg/old.go', status: 'renamed', lines: [30]},
      {path: 'pkg/sp é cial.go', oldPath: null, status: 'added', lines: [1, 2]}
    ])
  })

  it('reads context lines when the diff has them', () => {
    const text = ['diff --git a/x.go b/x.go', '--- a/x.go', '+++ b/x.go', '@@ -1,4 +1,5 @@', ' a', '-b', '+B', '+C', ' d', '\\ No newline at end of file'].join('\n')
    expect(parseGitDiff(text)).toEqual([{path: 'x.go', oldPath: null, status: 'modified', lines: [2, 3]}])
  })

  it('takes a pure rename without hunks from its rename lines', () => {
    const text = ['diff --git a/a b.go b/c d.go', 'similarity index 100%', 'rename from a b.go', 'rename to c d.go'].join('\n')
    expect(parseGitDiff(text)).toEqual([{path: 'c d.go', oldPath: 'a b.go', status: 'renamed', lines: []}])
  })

  it('reads paths with spaces from the header when nothing else names them', () => {
    expect(parseGitDiff('diff --git a/x y.go b/x y.go\nold mode 100644\nnew mode 100755\n')).toEqual([{path: 'x y.go', oldPath: null, status: 'modified', lines: []}])
  })

  it('says where a hunk header is broken', () => {
    expect(() => parseGitDiff('diff --git a/x.go b/x.go\n--- a/x.go\n+++ b/x.go\n@@ nonsense @@\n', 'pr.diff')).toThrow('pr.diff:4: expected a hunk header')
  })
})

describe('diffCoverage', () => {
  const lines = lineCoverage(
    makeProfile('set', [
      ['example.com/m/pkg/edit.go', '2.1,4.2', 1, 1],
      ['example.com/m/pkg/edit.go', '11.1,11.9', 1, 0],
      ['example.com/m/pkg/renamed.go', '30.1,30.9', 1, 0],
      ['example.com/m/pkg/fresh.go', '1.1,3.9', 2, 1]
    ])
  )

  it('measures the changed lines that are instrumented and lists the uncovered ones by repository path', () => {
    const changed = parseGitDiff(realDiff())
    const result = diffCoverage(lines, changed)
    expect(result.lines).toEqual({covered: 4, total: 6, percent: 66.7})
    expect(result.uncovered).toEqual([
      {file: 'pkg/edit.go', line: 11},
      {file: 'pkg/renamed.go', line: 30}
    ])
    expect(result.files.map(f => [f.path, f.file, f.lines.covered, f.lines.total])).toEqual([
      ['pkg/edit.go', 'example.com/m/pkg/edit.go', 1, 2],
      ['pkg/fresh.go', 'example.com/m/pkg/fresh.go', 3, 3],
      ['pkg/renamed.go', 'example.com/m/pkg/renamed.go', 0, 1]
    ])
  })

  it('leaves out a changed `} else {` line that Go 1.27 ends an if-body on at column 1 (no block covers a character of it)', async () => {
    const {profile} = await setProfile(fixtureRun('1.27', 'layout'))
    const source = readFileSync(path.join(coverFixtures, 'modules', 'layout', 'layout.go'), 'utf8').split('\n')
    const elseLines = source.flatMap((text, i) => (/^\s*} else {$/.test(text) ? [i + 1] : []))
    expect(elseLines).toEqual([12, 21, 69])
    const elseLine = elseLines[1] as number
    // Parity's if-body (not run) and else body (run): a PR changing both bodies and the line between.
    const changed = [{path: 'layout.go', oldPath: null, status: 'modified' as const, lines: [elseLine - 1, elseLine, elseLine + 1]}]
    const result = diffCoverage(lineCoverage(profile), changed)
    expect(result.lines).toEqual({covered: 1, total: 2, percent: 50})
    expect(result.uncovered).toEqual([{file: 'layout.go', line: elseLine - 1}])
  })

  it('finds changes in every module of a run by repository path, where import paths alone would be ambiguous', () => {
    const modules = lineCoverage(
      makeProfile('set', [
        ['example.com/mono/doc.go', '3.1,3.9', 1, 1],
        ['example.com/mono/api/doc.go', '3.1,3.9', 1, 0],
        ['example.com/mono/api/v2/doc.go', '5.1,5.9', 1, 0]
      ])
    )
    const changed = [
      {path: 'doc.go', oldPath: null, status: 'modified' as const, lines: [3]},
      {path: 'api/doc.go', oldPath: null, status: 'modified' as const, lines: [3]},
      {path: 'api/v2/doc.go', oldPath: null, status: 'modified' as const, lines: [5]}
    ]
    const sourcePath = repositoryPaths([
      {path: 'example.com/mono', dir: ''},
      {path: 'example.com/mono/api', dir: 'api'},
      {path: 'example.com/mono/api/v2', dir: 'api/v2'}
    ])
    const result = diffCoverage(modules, changed, sourcePath)
    expect(result.files.map(f => [f.path, f.file])).toEqual([
      ['doc.go', 'example.com/mono/doc.go'],
      ['api/doc.go', 'example.com/mono/api/doc.go'],
      ['api/v2/doc.go', 'example.com/mono/api/v2/doc.go']
    ])
    expect(result.uncovered).toEqual([
      {file: 'api/doc.go', line: 3},
      {file: 'api/v2/doc.go', line: 5}
    ])
    // By import paths alone, `doc.go` shares one segment with each: it matches none.
    expect(diffCoverage(modules, changed).files.map(f => f.path)).toEqual(['api/doc.go', 'api/v2/doc.go'])
  })

  it('is 0 of 0 when no changed line is instrumented', () => {
    expect(diffCoverage(lines, [{path: 'README.md', oldPath: null, status: 'modified', lines: [1]}]).lines).toEqual({covered: 0, total: 0, percent: 0})
  })
})
