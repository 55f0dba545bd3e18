import {readFile} from 'node:fs/promises'
import {parseBaseline, type Baseline} from '../coverage/baseline.js'
import {CoverageError} from '../coverage/model.js'

/** Reads a baseline file (coverage/baseline.ts parseBaseline): report.json when it is JSON, LCOV otherwise. */
export async function readBaselineFile(path: string): Promise<Baseline> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    throw new CoverageError(`${path}: cannot read the baseline: ${(err as Error).message}`, {cause: err})
  }
  return parseBaseline(text, path)
}
