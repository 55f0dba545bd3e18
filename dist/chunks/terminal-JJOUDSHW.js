import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);
import {
  renderTerminalReport
} from "./chunk-AEZUXN6U.js";
import "./chunk-SJKBGCPK.js";
import "./chunk-L35V7ZA7.js";
export {
  renderTerminalReport
};
