// Writes action.yml and README.md's input/output tables from src/inputs/definitions.ts (bundled on the
// fly with esbuild, so no TypeScript loader is needed).
import {build} from 'esbuild'
import {readFileSync, writeFileSync} from 'node:fs'

const out = await build({entryPoints: ['src/action/action-yml.ts'], bundle: true, format: 'esm', platform: 'node', write: false})
const mod = await import('data:text/javascript;base64,' + Buffer.from(out.outputFiles[0].text).toString('base64'))
writeFileSync('action.yml', mod.renderActionYml())
writeFileSync('README.md', mod.renderReadme(readFileSync('README.md', 'utf8')))
console.log('action.yml and README.md tables written')
