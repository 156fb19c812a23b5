/**
 * gcc's mangled symbol names. A C identifier has no dot, so whatever follows the first dot of a
 * function symbol is a suffix gcc added: an IPA clone (`.isra.0`, `.constprop.1`, `.part.2`), a split-off
 * cold part (`.cold`, `.cold.3`), or the numbering of a static local (`calls.0`). kpatch correlates the two
 * objects' symbols with such numbers ignored (kpatch_mangled_strcmp); so do we.
 */

/** The suffixes that mark a function symbol as a part or clone of a source function. */
export const CLONE_SUFFIX = /\.(isra|constprop|part|cold|localalias|lto_priv|clone|specialized)(\.|$)/

/**
 * A name with every `.<digits>` run removed (except in string-literal sections, whose numbers are not gcc's
 * counters), and the `__COUNTER__` a kernel `__UNIQUE_ID_<name>` ends in (`__UNIQUE_ID_ddebug1357`: a
 * pr_debug descriptor), as kpatch's __kpatch_unique_id_strcmp ignores it: code added above renumbers them.
 */
export function unmangle(name: string): string {
  if (name.includes('.str1.') || /^\.rodata\.cst\d+$/.test(name)) return name
  return name.replace(/\.\d+(?=\.|$)/g, '').replace(/^(__UNIQUE_ID_.*?)\d+$/, '$1')
}

/** The source function a function symbol belongs to: `scale.constprop.0` → `scale`. */
export function sourceFunction(symbol: string): string {
  const dot = symbol.indexOf('.', 1)
  return dot < 0 ? symbol : symbol.slice(0, dot)
}

/** Whether a function symbol is an IPA clone or split-off part of its source function. */
export function isClone(symbol: string): boolean {
  return CLONE_SUFFIX.test(symbol)
}

/** A static local variable as gcc names it: `name.<n>` (a file-scope static keeps its plain name). */
export function isStaticLocal(symbol: string): boolean {
  return /^[A-Za-z_]\w*\.\d+$/.test(symbol)
}
