#!/usr/bin/env node
// Renders the job summary of a report.json the way GitHub shows it, and screenshots it with
// headless Chromium for the README:
//
//   npx tsc -p tsconfig.build.json && node scripts/screenshot-summary.mjs [report.json] [out.png]
//
// Defaults: docs/summary-report.json (the example module's real report from `npm run example`,
// with a failing Go 1.21 test, a baseline, a pull request diff and its gates added so that every
// section shows) and docs/summary.png. Needs Debian's `chromium` (apt-get install -y chromium).
import {execFileSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {marked} from 'marked'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const reportFile = path.resolve(process.argv[2] ?? path.join(root, 'docs/summary-report.json'))
const outFile = path.resolve(process.argv[3] ?? path.join(root, 'docs/summary.png'))

let lib
try {
  lib = {
    ...(await import(pathToFileURL(path.join(root, 'lib/report/summary.js')).href)),
    ...(await import(pathToFileURL(path.join(root, 'lib/report/verdict.js')).href))
  }
} catch (err) {
  throw new Error(`lib/ is missing or stale: build it first with "npx tsc -p tsconfig.build.json"`, {cause: err})
}

const report = JSON.parse(readFileSync(reportFile, 'utf8'))
const verdict = lib.decideVerdict(report, true)
const markdown = lib.renderSummary(report, verdict, {
  notes: ['This is a pull request: the baseline is the last report saved on the default branch.'],
  runUrl: 'https://github.com/example/hello/actions/runs/1234567890'
})

// The look of a GitHub job summary: system font, 14px, light borders, zebra table rows.
const css = `
body { margin: 0; background: #f6f8fa; font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328; }
main { max-width: 1012px; margin: 24px auto; background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; padding: 24px 32px; }
.job { font-weight: 600; font-size: 16px; border-bottom: 1px solid #d1d9e0; padding-bottom: 8px; margin-bottom: 16px; }
h3 { font-size: 1.25em; margin: 24px 0 16px; padding-bottom: .3em; border-bottom: 1px solid #d1d9e0; }
p, blockquote, table, details, ul, pre { margin: 0 0 16px; }
blockquote { padding: 0 1em; color: #59636e; border-left: .25em solid #d1d9e0; }
table { border-collapse: collapse; display: block; width: max-content; max-width: 100%; overflow: auto; }
th, td { border: 1px solid #d1d9e0; padding: 6px 13px; }
th { font-weight: 600; }
tr:nth-child(2n) { background: #f6f8fa; }
code { font: 85% ui-monospace, SFMono-Regular, "DejaVu Sans Mono", Menlo, monospace; background: #eff1f3; border-radius: 6px; padding: .2em .4em; }
pre { background: #f6f8fa; border-radius: 6px; padding: 16px; overflow: auto; }
pre code { background: none; padding: 0; font-size: 85%; }
summary { cursor: pointer; }
a { color: #0969da; text-decoration: none; }
sub { color: #59636e; }
`
// GitHub shows every <details> collapsed; the screenshot opens the failing tests' (their summary
// starts with the test name in bold) so that the README shows what a failure looks like.
const body = marked.parse(markdown, {gfm: true}).replace(/<details>(?=<summary><b>)/g, '<details open>')
const html = `<!doctype html><html><head><meta charset="utf-8"><title>go-matrix summary</title><style>${css}</style></head>
<body><main><div class="job">test (ubuntu-latest) summary</div>${body}</main></body></html>`

const work = mkdtempSync(path.join(os.tmpdir(), 'go-matrix-screenshot-'))
try {
  const page = path.join(work, 'summary.html')
  writeFileSync(page, html)
  writeFileSync(path.join(work, 'summary.md'), markdown)
  execFileSync(
    'chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--hide-scrollbars',
      `--user-data-dir=${path.join(work, 'profile')}`,
      `--screenshot=${outFile}`,
      '--window-size=1200,1600',
      pathToFileURL(page).href
    ],
    {stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000}
  )
} catch (err) {
  throw new Error(`chromium could not screenshot the summary (is it installed? apt-get install -y chromium)`, {cause: err})
} finally {
  rmSync(work, {recursive: true, force: true})
}
console.log(`${outFile}: summary of ${path.relative(root, reportFile)} (${Buffer.byteLength(markdown)} bytes of markdown)`)
