import * as core from '@actions/core'
import {parseOptions, type Options} from '../inputs/options.js'

/** The one place the action reads its inputs. */
export function readActionOptions(): Options {
  return parseOptions(name => core.getInput(name))
}
