import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);

// src/util/signals.ts
function cancelOnSignals() {
  const controller = new AbortController();
  let received;
  const onSignal = (name) => {
    received ??= name;
    if (!controller.signal.aborted) controller.abort(new Error(`cancelled by ${name}`));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return {
    signal: controller.signal,
    get received() {
      return received;
    },
    dispose() {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    }
  };
}

export {
  cancelOnSignals
};
