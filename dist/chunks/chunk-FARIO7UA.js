import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);

// src/cli/flags.ts
var UsageError = class extends Error {
  name = "UsageError";
};
var isBoolean = (input) => input.default === "true" || input.default === "false";
function parseFlags(argv, inputs) {
  const byName = new Map(inputs.map((i) => [i.name, i]));
  const values = {};
  const positionals = [];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === "-h" || arg === "--help") {
      help = true;
      continue;
    }
    if (!arg.startsWith("--")) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    let name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    let value = eq === -1 ? void 0 : arg.slice(eq + 1);
    let input = byName.get(name);
    if (!input && name.startsWith("no-") && value === void 0) {
      const positive = byName.get(name.slice(3));
      if (positive && isBoolean(positive)) {
        input = positive;
        name = positive.name;
        value = "false";
      }
    }
    if (!input) throw new UsageError(`unknown flag --${name}`);
    if (value === void 0) {
      const next = argv[i + 1];
      if (isBoolean(input) && (next === void 0 || !/^(true|false|yes|no|on|off|1|0)$/i.test(next))) {
        value = "true";
      } else if (next === void 0) {
        throw new UsageError(`flag --${name} needs a value`);
      } else {
        value = next;
        i++;
      }
    }
    values[name] = input.list && values[name] !== void 0 ? `${values[name]},${value}` : value;
  }
  return { values, positionals, help };
}
function wrap(text, width, indent) {
  const lines = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  if (line !== "") lines.push(line);
  return lines.map((l) => indent + l).join("\n");
}
function flagLines(input) {
  const kind = isBoolean(input) ? `[=${input.default === "true" ? "false" : "true"}]` : " VALUE";
  const def = input.default === "" ? "" : ` (default ${input.default})`;
  return [`  --${input.name}${kind}${def}`, wrap(input.description, 74, "      ")];
}
function renderHelp(usage, summary, inputs, commandLineOnly = []) {
  const out = [`usage: ${usage}`, "", wrap(summary, 78, "")];
  if (inputs.length > 0) out.push("", "flags (each is the action input of the same name):");
  for (const input of inputs) out.push(...flagLines(input));
  out.push("", "command-line flags:");
  for (const flag of commandLineOnly) out.push(...flagLines(flag));
  out.push("  -h, --help", "      Show this help.");
  return out.join("\n") + "\n";
}

export {
  UsageError,
  parseFlags,
  renderHelp
};
