/** Transition: the proof model is built in model/build.ts; this re-export goes when pipeline/verify.ts imports it. */
export { buildHarnessOptions, exprList } from '../model/build.js'
export { worldRefs } from '../model/claims.js'
