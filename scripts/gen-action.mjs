// Writes action.yml from src/definitions.ts (bundled on the fly: no TypeScript loader needed).
import {build} from 'esbuild'
import {writeFileSync} from 'node:fs'

const out = await build({entryPoints: ['src/action-yml.ts'], bundle: true, format: 'esm', platform: 'node', write: false})
const mod = await import('data:text/javascript;base64,' + Buffer.from(out.outputFiles[0].text).toString('base64'))
writeFileSync('action.yml', mod.renderActionYml())
console.log('action.yml written')
