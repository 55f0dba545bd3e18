// Fails when src/ has an import cycle, between files or between folders (`npm run check:imports`,
// part of `npm run lint`). `--graph` also prints which folders each folder imports (the picture
// docs/architecture.md draws); a folder argument checks that folder instead of src/. Imports are read and resolved by TypeScript itself, as tsc resolves
// them: static, dynamic and type-only imports and re-exports all count, since each is a
// dependency of the design even when the bundle drops it. A folder is the directory a file is in
// (`coverage`, `cli`; `.` for the files at the top of src/), so a folder cycle is two folders
// importing each other through any of their files. docs/architecture.md says which way imports
// point; this check keeps the code from drifting into a tangle the document would have to admit.
import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

const args = process.argv.slice(2)
const showGraph = args.includes('--graph')
const root = path.resolve(args.find(arg => !arg.startsWith('--')) ?? path.join(import.meta.dirname, '..', 'src'))
const options = {module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, allowJs: false}
const host = ts.createCompilerHost(options)

const files = readdirSync(root, {recursive: true})
  .filter(name => name.endsWith('.ts') && !name.endsWith('.d.ts'))
  .map(name => path.join(root, name))
  .sort()

/** file -> the files of src/ it imports. */
const imports = new Map()
for (const file of files) {
  const {importedFiles} = ts.preProcessFile(readFileSync(file, 'utf8'), true, true)
  const targets = new Set()
  for (const {fileName} of importedFiles) {
    const resolved = ts.resolveModuleName(fileName, file, options, host).resolvedModule?.resolvedFileName
    if (resolved && resolved.startsWith(root + path.sep) && !resolved.endsWith('.d.ts')) targets.add(resolved)
  }
  imports.set(file, [...targets].sort())
}

const shown = file => path.relative(root, file).split(path.sep).join('/')
const folderOf = file => path.dirname(shown(file))

const fileGraph = new Map([...imports].map(([file, targets]) => [shown(file), targets.map(shown)]))
const folderGraph = new Map()
for (const [file, targets] of imports) {
  const from = folderOf(file)
  const edges = folderGraph.get(from) ?? new Set()
  for (const target of targets) if (folderOf(target) !== from) edges.add(folderOf(target))
  folderGraph.set(from, edges)
}

/** The strongly connected components of more than one node (Tarjan): every cycle lies within one. */
function cycles(graph) {
  let index = 0
  const stack = []
  const state = new Map()
  const found = []
  const visit = node => {
    const s = {index, low: index, onStack: true}
    state.set(node, s)
    index++
    stack.push(node)
    for (const next of graph.get(node) ?? []) {
      const t = state.get(next)
      if (t === undefined) {
        visit(next)
        s.low = Math.min(s.low, state.get(next).low)
      } else if (t.onStack) s.low = Math.min(s.low, t.index)
    }
    if (s.low !== s.index) return
    const component = []
    let member
    do {
      member = stack.pop()
      state.get(member).onStack = false
      component.push(member)
    } while (member !== node)
    if (component.length > 1) found.push(component.sort())
  }
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node)
  return found
}

/** One import that keeps a component cyclic, for each pair of its members that import each other. */
function describe(component, graph) {
  const inside = new Set(component)
  return component.flatMap(node => [...(graph.get(node) ?? [])].filter(next => inside.has(next)).map(next => `    ${node} -> ${next}`))
}

const fileCycles = cycles(fileGraph)
const folderCycles = cycles(folderGraph)
const edges = [...folderGraph.values()].reduce((n, set) => n + set.size, 0)
console.log(`check-imports: ${files.length} files, ${[...fileGraph.values()].reduce((n, list) => n + list.length, 0)} imports; ${folderGraph.size} folders, ${edges} folder-to-folder edges`)
for (const [what, found, graph] of [
  ['files', fileCycles, fileGraph],
  ['folders', folderCycles, folderGraph]
]) {
  if (found.length === 0) console.log(`  no cycle between ${what}`)
  for (const component of found) console.log(`  cycle between ${what}: ${component.join(', ')}\n${describe(component, graph).join('\n')}`)
}
if (showGraph) {
  for (const [folder, targets] of [...folderGraph].sort(([a], [b]) => a.localeCompare(b))) {
    if (targets.size > 0) console.log(`  ${folder} -> ${[...targets].sort().join(' ')}`)
  }
}
if (fileCycles.length + folderCycles.length > 0) process.exitCode = 1
