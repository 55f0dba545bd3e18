import {describe, expect, it} from '@jest/globals'
import {applySelection, checkReportFolders, parseModuleSelection, ModuleSelectionError} from '../../src/modules/selection.js'
import type {ModuleSelection} from '../../src/modules/selection.js'

type List = Extract<ModuleSelection, {kind: 'list'}>
const list = (text: string): List => {
  const s = parseModuleSelection(text)
  if (s.kind !== 'list') throw new Error(`expected a list for ${JSON.stringify(text)}`)
  return s
}

describe('parseModuleSelection', () => {
  it('reads empty as the module at working-directory', () => {
    expect(parseModuleSelection('')).toEqual({kind: 'root'})
    expect(parseModuleSelection(' ,\n ')).toEqual({kind: 'root'})
  })

  it('reads auto, folders, globs and exclusions, separated by commas or newlines', () => {
    expect(parseModuleSelection('auto')).toEqual({kind: 'list', auto: true, include: [], exclude: []})
    expect(parseModuleSelection('./api/, tools\nservices/*\n!services/legacy')).toEqual({
      kind: 'list',
      auto: false,
      include: ['api', 'tools', 'services/*'],
      exclude: ['services/legacy']
    })
    expect(parseModuleSelection('.\\win\\mod, ./')).toEqual({kind: 'list', auto: false, include: ['win/mod', '.'], exclude: []})
  })

  it('starts from auto when the list only excludes', () => {
    expect(parseModuleSelection('!examples/**')).toEqual({kind: 'list', auto: true, include: [], exclude: ['examples/**']})
  })

  it.each([
    ['/abs/mod', '"/abs/mod" is absolute; give folders relative to working-directory'],
    ['C:\\mod', '"C:\\\\mod" is absolute; give folders relative to working-directory'],
    ['../sibling', '"../sibling" leaves working-directory; every module must lie inside it (set working-directory to a folder that holds them all)'],
    ['api/../../x', '"api/../../x" leaves working-directory'],
    ['!../x', '"!../x" leaves working-directory'],
    ['!', '"!" names no folder']
  ])('refuses %p', (text, message) => {
    expect(() => parseModuleSelection(text)).toThrow(ModuleSelectionError)
    expect(() => parseModuleSelection(text)).toThrow(message)
  })
})

describe('applySelection', () => {
  const found = ['.', 'api', 'examples/a', 'examples/b', 'tools']

  it('takes auto as given, plus listed folders, less exclusions, root first', () => {
    expect(applySelection(list('auto'), found, found)).toEqual({dirs: found, unmatched: []})
    expect(applySelection(list('!examples/*'), found, found).dirs).toEqual(['.', 'api', 'tools'])
    expect(applySelection(list('tools, ., api'), found, found).dirs).toEqual(['.', 'api', 'tools'])
    expect(applySelection(list('auto, !.'), found, ['.', 'api']).dirs).toEqual(['api'])
  })

  it('matches globs against the modules found, and takes plain folders as written', () => {
    expect(applySelection(list('examples/*'), found, found).dirs).toEqual(['examples/a', 'examples/b'])
    expect(applySelection(list('ex*/?'), found, found).dirs).toEqual(['examples/a', 'examples/b'])
    // A plain folder discovery would skip (testdata) is still taken: the caller checks its go.mod.
    expect(applySelection(list('internal/testdata/mod'), found, found).dirs).toEqual(['internal/testdata/mod'])
  })

  it('reports globs that matched nothing, and an empty selection as empty', () => {
    expect(applySelection(list('cmd/*, api'), found, found)).toEqual({dirs: ['api'], unmatched: ['cmd/*']})
    // Globs never match the root module: `.` names it.
    expect(applySelection(list('auto, !**'), found, found).dirs).toEqual(['.'])
    expect(applySelection(list('*'), found, found).dirs).toEqual(['api', 'tools'])
    expect(applySelection(list('auto, !**, !.'), found, found).dirs).toEqual([])
  })
})

describe('checkReportFolders', () => {
  it('refuses a module folder named like a report file of the module around it', () => {
    expect(() => checkReportFolders(['.', 'api', 'test.json'])).toThrow(
      "module test.json's report folder would be module .'s test.json (<report-directory>/<version>/test.json); exclude one of them with !test.json or !."
    )
    expect(() => checkReportFolders(['api', 'api/build.log'])).toThrow(/module api's build\.log/)
    expect(() => checkReportFolders(['api/build.log'])).not.toThrow()
    expect(() => checkReportFolders(['.', 'api', 'api/v2'])).not.toThrow()
  })
})
