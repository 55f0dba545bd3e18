import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {existsSync} from 'node:fs'
import {mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {claimReportEntries, prepareReportFolder, reportFolderProblem, REPORT_MARKER} from '../../src/files/report-folder.js'
import {InputError} from '../../src/inputs/options.js'

describe('reportFolderProblem', () => {
  const ctx = {workspace: '/w/repo', moduleDir: '/w/repo/mod', workDirs: ['/t/go-matrix-work'], readsFrom: ['/w/repo/legs/a/report.json']}
  it.each([
    ['/', "is the file system's root"],
    ['/w/repo', 'is the workspace itself: go-matrix would write its files among yours'],
    ['/w', 'contains the workspace (/w/repo)'],
    ['/w/repo/mod', "is or contains the module's folder (working-directory, /w/repo/mod)"],
    ['/w/repo/.git', "is inside a .git folder, the repository's own data"],
    ['/w/repo/.git/hooks', "is inside a .git folder, the repository's own data"],
    ['/w/repo/mod/.GIT/x', "is inside a .git folder, the repository's own data"],
    ['/t', "contains go-matrix's work folder (/t/go-matrix-work: build and module caches), which must not be uploaded with the report"],
    ['/t/go-matrix-work/report', "is inside go-matrix's work folder (/t/go-matrix-work)"],
    ['/w/repo/legs', 'holds /w/repo/legs/a/report.json, which this run reads: the report folder is emptied of an earlier run\'s files before writing']
  ])('refuses %p', (dir, problem) => {
    expect(reportFolderProblem(dir, ctx)).toBe(problem)
  })

  it.each([['/w/repo/go-matrix-report'], ['/w/repo/mod/go-matrix-report'], ['/t/go-matrix'], ['/w/repo-report'], ['/w/repo/..git']])('accepts %p', dir => {
    expect(reportFolderProblem(dir, ctx)).toBeNull()
  })

  it('looks for .git only below a workspace that itself sits under one', () => {
    expect(reportFolderProblem('/home/u/.git/w/report', {workspace: '/home/u/.git/w'})).toBeNull()
  })
})

describe('prepareReportFolder', () => {
  let root: string
  let workspace: string
  const ctx = () => ({workspace, workDirs: [path.join(root, 'work')]})
  const marker = async (dir: string) => JSON.parse(await readFile(path.join(dir, REPORT_MARKER), 'utf8')) as {entries: string[]}

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-report-folder-'))
    workspace = path.join(root, 'workspace')
    await mkdir(workspace)
  })
  afterAll(() => rm(root, {recursive: true, force: true}))

  it('creates a missing folder and marks it as go-matrix’s, listing the files every run writes', async () => {
    const dir = path.join(workspace, 'new', 'report')
    await prepareReportFolder(dir, ctx())
    expect(await readdir(dir)).toEqual([REPORT_MARKER])
    expect((await marker(dir)).entries).toEqual(['report.json', 'summary.md', 'merged.lcov', 'merged.out'])
  })

  it('empties a folder an earlier run wrote of what that run listed, and leaves everything else', async () => {
    const dir = path.join(workspace, 'again')
    await prepareReportFolder(dir, ctx())
    await claimReportEntries(dir, ['1.22.12'])
    await writeFile(path.join(dir, 'report.json'), '{"stale": true}')
    await mkdir(path.join(dir, '1.22.12'))
    await writeFile(path.join(dir, '1.22.12', 'coverage.out'), 'mode: set\n')
    await writeFile(path.join(dir, 'notes-of-mine.txt'), 'mine')
    await prepareReportFolder(dir, ctx())
    expect((await readdir(dir)).sort()).toEqual([REPORT_MARKER, 'notes-of-mine.txt'])
  })

  it('refuses a folder holding files go-matrix did not write, and changes nothing in it', async () => {
    const dir = path.join(workspace, 'docs')
    await mkdir(dir)
    await writeFile(path.join(dir, 'summary.md'), 'my summary')
    const attempt = prepareReportFolder(dir, ctx())
    await expect(attempt).rejects.toThrow(InputError)
    await expect(prepareReportFolder(dir, ctx())).rejects.toThrow(
      `input report-directory: ${dir} already holds files go-matrix did not write (summary.md); go-matrix writes only into a new or empty folder, or one it wrote before (marked by its .go-matrix file); choose a folder of its own, such as go-matrix-report`
    )
    expect(await readdir(dir)).toEqual(['summary.md'])
    expect(await readFile(path.join(dir, 'summary.md'), 'utf8')).toBe('my summary')
  })

  it('never overwrites a file it did not list, even in its own folder', async () => {
    const dir = path.join(workspace, 'shared')
    await prepareReportFolder(dir, ctx())
    await mkdir(path.join(dir, '1.22.12'))
    await expect(claimReportEntries(dir, ['1.22.12'])).rejects.toThrow(`${dir} already holds 1.22.12, which go-matrix did not write`)
  })

  it('removes nothing outside the folder, whatever its marker lists', async () => {
    const dir = path.join(workspace, 'forged')
    await mkdir(dir)
    const victim = path.join(workspace, 'victim.txt')
    await writeFile(victim, 'keep me')
    await writeFile(path.join(dir, REPORT_MARKER), JSON.stringify({writtenBy: 'go-matrix', entries: ['../victim.txt', '..', '/etc', '.go-matrix']}))
    await prepareReportFolder(dir, ctx())
    expect(await readFile(victim, 'utf8')).toBe('keep me')
    expect((await marker(dir)).entries).toEqual(['report.json', 'summary.md', 'merged.lcov', 'merged.out'])
  })

  it('sees through a link to the workspace', async () => {
    const link = path.join(root, 'link-to-workspace')
    await symlink(workspace, link)
    await expect(prepareReportFolder(link, ctx())).rejects.toThrow(`input report-directory: ${link} is the workspace itself`)
    await expect(prepareReportFolder(path.join(link, '.git', 'x'), ctx())).rejects.toThrow('is inside a .git folder')
    expect(existsSync(path.join(workspace, '.git'))).toBe(false)
  })

  it('refuses a file', async () => {
    const file = path.join(workspace, 'a-file')
    await writeFile(file, '')
    await expect(prepareReportFolder(file, ctx())).rejects.toThrow(`${file} is not a folder`)
  })
})
