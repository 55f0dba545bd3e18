import * as core from '@actions/core'
import type {Logger} from '../util/log.js'

/** The Logger of the action: log groups and annotations through @actions/core. */
export const actionsLogger: Logger = {
  info: message => core.info(message),
  warning: (message, where) => core.warning(message, where ? {file: where.file, startLine: where.line} : undefined),
  error: (message, where) => core.error(message, where ? {file: where.file, startLine: where.line} : undefined),
  debug: message => core.debug(message),
  group: (title, body) => {
    core.startGroup(title)
    core.info(body.replace(/\n$/, ''))
    core.endGroup()
  }
}
