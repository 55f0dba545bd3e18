/** The go-matrix command line over the same modules as the action. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command] = argv
  if (command === undefined || command === '--help' || command === '-h') {
    process.stdout.write('usage: go-matrix <run|coverage|aggregate> [flags]\n')
    return command === undefined ? 2 : 0
  }
  process.stderr.write(`go-matrix: unknown command ${JSON.stringify(command)}\n`)
  return 2
}
