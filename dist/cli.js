#!/usr/bin/env node
import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);

// src/cli.ts
async function main(argv) {
  const [command] = argv;
  if (command === void 0 || command === "--help" || command === "-h") {
    process.stdout.write("usage: go-matrix <run|coverage|aggregate> [flags]\n");
    return command === void 0 ? 2 : 0;
  }
  process.stderr.write(`go-matrix: unknown command ${JSON.stringify(command)}
`);
  return 2;
}

// src/bin/cli.ts
process.exitCode = await main(process.argv.slice(2));
