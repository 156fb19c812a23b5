/**
 * Hazards: what makes a live patch built from these objects unsafe, each with what goes wrong at
 * patch time and what to do.
 * - data-changed: an existing variable's initial value, size or type changed (kpatch and `objtool klp diff`
 *   refuse it: a live patch cannot change data the running kernel already holds);
 * - static-local: a changed function's static local that cannot stay correlated (resized, retyped) or is
 *   WARN_ONCE-style state the patched function gets afresh;
 * - init-code: a changed __init function (it already ran);
 * - no-patchable-entry: with tracing flags on, a changed function without an ftrace entry;
 * - ipa-ra: a changed callee that writes registers its unchanged callers keep values in (ipa-ra.ts);
 * - type-changed: a struct or union whose layout changed (layout.ts).
 */
import { correlate, definedSymbols } from './correlate.js'
import { imageOf, relocHolder, type ObjectIndex, type SymbolImage } from './image.js'
import { DEFAULT_CFLAGS, ipaRaHazards } from './ipa-ra.js'
import { typeHazards } from './layout.js'
import { isStaticLocal, sourceFunction } from './names.js'
import type { ElfSymbol, Hazard, LivePatchFunction } from './types.js'

/** A small object's bytes as the value a reader would recognise (little-endian integer up to 8 bytes). */
function showValue(img: SymbolImage): string {
  if (img.relocs.length) return `{${img.relocs.map(r => r.split(':').slice(2).join(':')).join(', ')}}`
  if (img.size > 0 && img.size <= 8) return BigInt(`0x${Buffer.from(img.bytes, 'hex').reverse().toString('hex')}`).toString()
  return img.size <= 16 ? `0x${img.bytes}` : `${img.size} bytes`
}

/** Object symbol name → the functions of the new object that refer to it, sorted. */
function usersOf(newIx: ObjectIndex): Map<string, string[]> {
  const fns = definedSymbols(newIx.facts, 'FUNC')
  const users = new Map<string, Set<string>>()
  for (const f of fns) {
    const sec = newIx.sectionByIndex.get(f.shndx!)!
    for (const r of newIx.relocsBySection.get(sec.name) ?? []) {
      if (r.offset < f.value || r.offset >= f.value + f.size) continue
      const t = relocHolder(newIx, r)
      if (t?.type !== 'OBJECT') continue
      const set = users.get(t.name) ?? new Set<string>()
      users.set(t.name, set.add(f.name))
    }
  }
  return new Map([...users].map(([k, v]) => [k, [...v].sort()]))
}

function usedBy(users: readonly string[] | undefined): string {
  return users?.length ? ` (used by ${users.join(', ')})` : ''
}

function dataHazard(oldIx: ObjectIndex, newIx: ObjectIndex, o: ElfSymbol, n: ElfSymbol, users: readonly string[] | undefined): Hazard | undefined {
  const a = imageOf(oldIx, o)
  const b = imageOf(newIx, n)
  if (!a || !b) return undefined
  const src = sourceFunction(n.name)
  const ta = oldIx.facts.dwarf.varTypes.get(src)
  const tb = newIx.facts.dwarf.varTypes.get(src)
  const typeChanged = ta !== undefined && tb !== undefined && ta !== tb
  const sizeChanged = a.size !== b.size
  const valueChanged = a.bytes !== b.bytes || a.relocs.join() !== b.relocs.join()
  if (!typeChanged && !sizeChanged && !valueChanged) return undefined
  const what = sizeChanged ? `size ${a.size} → ${b.size} bytes` : typeChanged ? `type ${ta} → ${tb}` : `initial value ${showValue(a)} → ${showValue(b)}`
  const writable = newIx.sectionByIndex.get(n.shndx!)?.flags.includes('W') ?? false
  if (isStaticLocal(n.name) && (sizeChanged || typeChanged)) {
    return {
      kind: 'static-local', symbol: n.name, severity: 'error',
      detail: `static local ${src} changed ${what}: the patched code cannot share the running kernel's copy, so its state resets at patch time; keep its type, or keep the new state in a shadow variable`,
    }
  }
  if (!writable) {
    return {
      kind: 'data-changed', symbol: n.name, severity: 'warning',
      detail: `read-only ${src}${usedBy(users)} changed ${what}: the patched functions get a new copy while the functions not patched keep reading the old one; patch every function that reads it`,
    }
  }
  return {
    kind: 'data-changed', symbol: n.name, severity: 'error',
    detail: sizeChanged || typeChanged
      ? `${src}${usedBy(users)} changed ${what}: a live patch cannot change data the running kernel already holds, and unpatched code keeps the old layout; leave it as it is and keep new state in a shadow variable`
      : `${src}${usedBy(users)} changed ${what}: a live patch cannot change data the running kernel already holds, so the running value stays; set the new value in a pre-patch callback, or leave the initialiser unchanged`,
  }
}

const ONCE_STATE = /^(__already_done|__warned|__print_once)(\.|$)/
const TRACE_ENTRY = /^(__fentry__|mcount|_mcount|__gnu_mcount_nc)$/

function onceHazards(newIx: ObjectIndex, fn: LivePatchFunction, sym: ElfSymbol): Hazard[] {
  const sec = newIx.sectionByIndex.get(sym.shndx!)!
  const out: Hazard[] = []
  for (const r of newIx.relocsBySection.get(sec.name) ?? []) {
    if (r.offset < sym.value || r.offset >= sym.value + sym.size) continue
    const target = relocHolder(newIx, r)
    if (!target || target.type !== 'OBJECT') continue
    const name = target.name
    if (!ONCE_STATE.test(name) && !/^\.data\.?\.once/.test(newIx.sectionByIndex.get(target.shndx!)?.name ?? '')) continue
    if (out.some(h => h.symbol === name)) continue
    out.push({
      kind: 'static-local', symbol: name, severity: 'warning',
      detail: `${fn.symbol} keeps one-time state in ${name} (WARN_ONCE-style): the patched function gets a fresh copy, so a warning already printed can print again after patching; accept it, or share the old state through a shadow variable`,
    })
  }
  return out
}

/**
 * Whether a function has the entry the live patch redirects: the call to __fentry__/mcount at its start when
 * the object traces with -pg (x86: the 16-byte padding of -fpatchable-function-entry=16,16 is not an entry),
 * else a __patchable_function_entries record at or up to 16 bytes before its start (arm64's N,M prefix).
 */
function hasTraceEntry(newIx: ObjectIndex, sym: ElfSymbol, viaCall: boolean): boolean {
  const sec = newIx.sectionByIndex.get(sym.shndx!)!
  if (viaCall) {
    return (newIx.relocsBySection.get(sec.name) ?? []).some(r =>
      r.offset >= sym.value && r.offset < sym.value + 16 && TRACE_ENTRY.test(newIx.symbolByNum.get(r.sym)?.name ?? ''))
  }
  return (newIx.relocsBySection.get('__patchable_function_entries') ?? []).some(r => {
    const t = newIx.symbolByNum.get(r.sym)
    const at = t === undefined ? -1 : t.value + r.addend
    return t !== undefined && t.shndx === sym.shndx && at >= sym.value - 16 && at <= sym.value
  })
}

/** How the object traces: with a call at each function's start (-pg), with patchable entries, or not at all. */
function tracing(newIx: ObjectIndex): 'call' | 'patchable' | undefined {
  if (newIx.facts.relocs.some(r => TRACE_ENTRY.test(newIx.symbolByNum.get(r.sym)?.name ?? ''))) return 'call'
  return newIx.facts.sections.some(s => s.name === '__patchable_function_entries') ? 'patchable' : undefined
}

function functionHazards(newIx: ObjectIndex, functions: readonly LivePatchFunction[]): Hazard[] {
  const byName = new Map(definedSymbols(newIx.facts, 'FUNC').map(s => [s.name, s]))
  const how = tracing(newIx)
  const out: Hazard[] = []
  for (const fn of functions) {
    const sym = byName.get(fn.symbol)
    if (!sym) continue
    const sec = newIx.sectionByIndex.get(sym.shndx!)!
    if (sec.name.startsWith('.init.text')) {
      out.push({ kind: 'init-code', symbol: fn.symbol, severity: 'error', detail: `${fn.symbol} is __init code: it already ran at boot and its memory is freed, so patching it changes nothing; move the fix to code that runs after boot` })
    }
    if (how && fn.reason !== 'new' && !/\.cold(\.\d+)?$/.test(fn.symbol) && !hasTraceEntry(newIx, sym, how === 'call')) {
      out.push({ kind: 'no-patchable-entry', symbol: fn.symbol, severity: 'error', detail: `${fn.symbol} has no patchable entry (notrace?): the live patch cannot redirect calls to it; patch its callers instead` })
    }
    if (fn.reason !== 'new') out.push(...onceHazards(newIx, fn, sym))
  }
  return out
}

/**
 * Variables the running kernel holds as data: objects in .data/.bss/.rodata (and their kernel variants,
 * `.data..read_mostly`, …). Objects of special sections (`__dyndbg` descriptors with their line numbers,
 * `__bug_table`, `__jump_table`, …) are per call site records kpatch rebuilds, not data a patch changes.
 */
function dataSymbols(ix: ObjectIndex): ElfSymbol[] {
  return definedSymbols(ix.facts, 'OBJECT').filter(s => /^\.(data|bss|rodata|tdata|tbss)(\.|$)/.test(ix.sectionByIndex.get(s.shndx!)!.name))
}

export function hazardsOf(oldIx: ObjectIndex, newIx: ObjectIndex, functions: readonly LivePatchFunction[], cflags: readonly string[] = DEFAULT_CFLAGS): Hazard[] {
  const oldData = dataSymbols(oldIx)
  const newData = dataSymbols(newIx)
  const users = usersOf(newIx)
  const oldUsers = usersOf(oldIx)
  const { twins } = correlate(oldData, newData, {
    old: o => (oldUsers.get(o.name) ?? []).join(','),
    new: n => (users.get(n.name) ?? []).join(','),
  })
  const data = newData.flatMap(n => {
    const o = twins.get(n.name)
    const h = o && dataHazard(oldIx, newIx, o, n, users.get(n.name))
    return h ? [h] : []
  })
  const all = [...data, ...functionHazards(newIx, functions), ...ipaRaHazards(oldIx, newIx, functions, cflags), ...typeHazards(oldIx.facts.dwarf, newIx.facts.dwarf)]
  const seen = new Set<string>()
  return all.filter(h => !seen.has(`${h.kind}:${h.symbol}`) && seen.add(`${h.kind}:${h.symbol}`))
    .sort((a, b) => (a.kind === b.kind ? (a.symbol < b.symbol ? -1 : 1) : a.kind < b.kind ? -1 : 1))
}
