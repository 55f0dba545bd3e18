/**
 * Turns SIGINT/SIGTERM (the runner cancelling the job) into an AbortSignal, so running versions
 * are killed and the reports of what was recorded are still written.
 */
export function cancelOnSignals(): {signal: AbortSignal; dispose(): void} {
  const controller = new AbortController()
  const onSignal = (name: NodeJS.Signals): void => {
    if (!controller.signal.aborted) controller.abort(new Error(`cancelled by ${name}`))
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    }
  }
}
