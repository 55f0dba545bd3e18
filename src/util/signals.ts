/**
 * Turns SIGINT/SIGTERM (the runner cancelling the job) into an AbortSignal, so running versions
 * are killed and the reports of what was recorded are still written. `received` names the signal
 * once one came.
 */
export function cancelOnSignals(): {signal: AbortSignal; readonly received: NodeJS.Signals | undefined; dispose(): void} {
  const controller = new AbortController()
  let received: NodeJS.Signals | undefined
  const onSignal = (name: NodeJS.Signals): void => {
    received ??= name
    if (!controller.signal.aborted) controller.abort(new Error(`cancelled by ${name}`))
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  return {
    signal: controller.signal,
    get received() {
      return received
    },
    dispose() {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    }
  }
}
