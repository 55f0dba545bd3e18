import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {mkdir, mkdtemp, rm, symlink, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {findModuleFolders, resolveModules} from '../../src/modules/discover.js'
import {parseModuleSelection, ModuleSelectionError} from '../../src/modules/selection.js'
import type {ModuleSelection} from '../../src/modules/selection.js'

const list = (text: string): Extract<ModuleSelection, {kind: 'list'}> => parseModuleSelection(text) as Extract<ModuleSelection, {kind: 'list'}>

let root: string
const write = async (file: string, text: string): Promise<void> => {
  await mkdir(path.dirname(path.join(root, file)), {recursive: true})
  await writeFile(path.join(root, file), text)
}
const goMod = (module: string, go = '1.21'): string => `module ${module}\n\ngo ${go}\n`

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-modules-'))
  await write('repo/go.mod', goMod('example.com/repo'))
  await write('repo/api/go.mod', goMod('example.com/repo/api'))
  await write('repo/api/v2/go.mod', goMod('example.com/repo/api/v2'))
  await write('repo/tools/go.mod', goMod('example.com/repo/tools', '1.25'))
  await write('repo/vendor/x/go.mod', goMod('x'))
  await write('repo/internal/testdata/fixture/go.mod', goMod('fixture'))
  await write('repo/.git/mod/go.mod', goMod('hidden'))
  await write('repo/web/node_modules/pkg/go.mod', goMod('npm'))
  await write('repo/docs/readme.md', 'not a module\n')
  await write('outside/go.mod', goMod('example.com/outside'))
  await symlink(path.join(root, 'outside'), path.join(root, 'repo', 'linked'))
  await write('work/go.work', 'go 1.25\n\nuse (\n\t.\n\t./api // the API\n\t"./tools"\n)\n')
  await write('work/go.mod', goMod('example.com/work'))
  await write('work/api/go.mod', goMod('example.com/work/api'))
  await write('work/tools/go.mod', goMod('example.com/work/tools', '1.25'))
  await write('work/unused/go.mod', goMod('example.com/work/unused'))
})

afterAll(async () => {
  await rm(root, {recursive: true, force: true})
})

const dirs = (name: string) => ({workingDir: path.join(root, name), workspace: root})

describe('findModuleFolders', () => {
  it('finds go.mod below the folder, skipping vendor, testdata, hidden and node_modules folders, and links', async () => {
    expect(await findModuleFolders(path.join(root, 'repo'))).toEqual(['.', 'api', 'api/v2', 'tools'])
  })
})

describe('resolveModules', () => {
  it('auto: every module found, with its module path and go line', async () => {
    const {modules, warnings} = await resolveModules(list('auto'), dirs('repo'))
    expect(modules.map(m => [m.dir, m.path, m.goMod.go])).toEqual([
      ['.', 'example.com/repo', '1.21'],
      ['api', 'example.com/repo/api', '1.21'],
      ['api/v2', 'example.com/repo/api/v2', '1.21'],
      ['tools', 'example.com/repo/tools', '1.25']
    ])
    expect(modules[1]?.absolute).toBe(path.join(root, 'repo', 'api'))
    expect(modules[2]?.goMod.name).toBe('api/v2/go.mod')
    expect(warnings).toEqual([])
  })

  it("auto with a go.work: the modules it uses, not every go.mod", async () => {
    const {modules} = await resolveModules(list('auto'), dirs('work'))
    expect(modules.map(m => m.dir)).toEqual(['.', 'api', 'tools'])
    // A listed folder is taken beside auto's.
    expect((await resolveModules(list('auto, unused'), dirs('work'))).modules.map(m => m.dir)).toEqual(['.', 'api', 'tools', 'unused'])
  })

  it('a list: folders as written (even where discovery does not look), globs over what was found, exclusions', async () => {
    expect((await resolveModules(list('api/*, internal/testdata/fixture'), dirs('repo'))).modules.map(m => m.path)).toEqual([
      'example.com/repo/api/v2',
      'fixture'
    ])
    const {modules, warnings} = await resolveModules(list('**, cmd/*, !api/v2'), dirs('repo'))
    expect(modules.map(m => m.dir)).toEqual(['api', 'tools'])
    expect(warnings).toEqual([`input modules: cmd/* matches no module below ${path.join(root, 'repo')}`])
  })

  it.each([
    ['docs', /^docs: .*docs\/go\.mod: no go\.mod there; name module folders \(those holding a go\.mod\)$/],
    ['missing', /^missing: there is no folder .*repo\/missing$/],
    ['linked', /^linked: .*repo\/linked leads outside the workspace \(to .*outside\)$/],
    ['auto, !**, !.', /^selects no module \(modules found below .*repo: \., api, api\/v2, tools\); check the list and its ! exclusions$/],
    ['cmd/*', /^selects no module/]
  ])('refuses %p with a message that says where', async (text, message) => {
    const attempt = resolveModules(list(text), {workingDir: path.join(root, 'repo'), workspace: path.join(root, 'repo')})
    await expect(attempt).rejects.toThrow(ModuleSelectionError)
    await expect(resolveModules(list(text), {workingDir: path.join(root, 'repo'), workspace: path.join(root, 'repo')})).rejects.toThrow(message)
  })

  it('refuses a go.work that uses a folder outside working-directory, or one without go.mod', async () => {
    await write('escape/go.work', 'go 1.22\nuse ../repo\n')
    await expect(resolveModules(list('auto'), dirs('escape'))).rejects.toThrow(/^go\.work uses \.\.\/repo, outside working-directory/)
    await write('nomod/go.work', 'go 1.22\nuse ./gone\n')
    await expect(resolveModules(list('auto'), dirs('nomod'))).rejects.toThrow(/^go\.work uses gone, but there is no folder/)
  })
})
