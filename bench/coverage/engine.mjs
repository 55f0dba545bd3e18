/**
 * One measured run of the engine, in its own process so its peak memory is its own:
 *   node engine.mjs PROFILE [--statements-only]
 * does what `go-matrix coverage --json` does (stream-parse, statement summary, line coverage and
 * its summary) and prints {"total", "lines", "maxRSS"} (maxRSS in bytes).
 */
import {lineCoverage, summarizeLines} from '../../lib/coverage/lines.js'
import {formatPercent} from '../../lib/coverage/percent.js'
import {readProfile} from '../../lib/files/read-profile.js'
import {summarizeStatements} from '../../lib/coverage/summary.js'

const [file, flag] = process.argv.slice(2)
const profile = await readProfile(file)
const total = summarizeStatements(profile).total
const lines = flag === '--statements-only' ? null : summarizeLines(lineCoverage(profile)).total
process.stdout.write(
  JSON.stringify({total: formatPercent(total.covered, total.total), lines, maxRSS: process.resourceUsage().maxRSS * 1024}) + '\n'
)
