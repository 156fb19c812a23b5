/** Transition: the naming contract lives in model/names.ts; this re-export goes when harness/ imports it directly. */
export { MARK, ENTRY_MARK, ENTRY_DESCRIPTION, PREFIX, ENTRY, parseMarker } from '../model/names.js'
