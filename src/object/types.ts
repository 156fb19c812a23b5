/**
 * Object-level analysis: what the live patch must replace and what makes it unsafe, read from the
 * objects gcc builds of both versions (the way kpatch's create-diff-object and `objtool klp diff` do).
 * Facts (sections, symbols, relocations, bytes) come from binutils' text output; everything here is plain data.
 */

/** One ELF section of a relocatable object (readelf -SW). */
export interface ElfSection {
  readonly index: number
  readonly name: string
  readonly type: string
  readonly size: number
  readonly entsize: number
  readonly flags: string
}

/** One symbol table entry (readelf -sW). */
export interface ElfSymbol {
  readonly num: number
  readonly name: string
  readonly value: number
  readonly size: number
  readonly type: string
  readonly bind: string
  /** section index, or undefined for UND/ABS/COM */
  readonly shndx?: number
}

/** One relocation entry (readelf -rW), against the section `section` (the one it patches). */
export interface ElfReloc {
  readonly section: string
  readonly offset: number
  readonly type: string
  /** index into the symbol table */
  readonly sym: number
  readonly addend: number
}

/** Everything read from one object file. */
export interface ObjectFacts {
  readonly sections: readonly ElfSection[]
  readonly symbols: readonly ElfSymbol[]
  readonly relocs: readonly ElfReloc[]
  /** section name → its bytes (allocated PROGBITS sections only) */
  readonly contents: ReadonlyMap<string, Uint8Array>
  /** executable section name → offsets where instructions start, ascending */
  readonly insns: ReadonlyMap<string, readonly number[]>
  /** executable section name → its instructions (for the registers each function writes) */
  readonly asm?: ReadonlyMap<string, readonly AsmInsn[]>
  readonly dwarf: DwarfFacts
}

/** One disassembled instruction: offset, mnemonic (prefixes dropped), operands in AT&T order (destination last). */
export interface AsmInsn {
  readonly offset: number
  readonly op: string
  readonly args: readonly string[]
}

/** What the debug info says, per concrete function and per variable. */
export interface DwarfFacts {
  /** source function name → names of the functions inlined into its out-of-line copies (nested inlining included) */
  readonly inlined: ReadonlyMap<string, ReadonlySet<string>>
  /** variable name → its type, spelled out (undefined when two variables share the name) */
  readonly varTypes: ReadonlyMap<string, string | undefined>
  /** `struct foo` / `union foo` → its members, `name@offset:type` each (undefined when two definitions differ) */
  readonly layouts?: ReadonlyMap<string, readonly string[] | undefined>
}

export type LivePatchReason = 'source-changed' | 'inlined-callee-changed' | 'ipa-clone' | 'codegen-only' | 'new'

/** One function the live patch must replace. */
export interface LivePatchFunction {
  /** the ELF symbol as the compiler emitted it, e.g. `scale.constprop.0` */
  readonly symbol: string
  /** the source function it belongs to */
  readonly function: string
  readonly reason: LivePatchReason
  /** the changed functions inlined into it (reason inlined-callee-changed, or a clone of such a caller) */
  readonly via?: readonly string[]
}

/** Every hazard kind (a spec's `accept-hazards: [kind:symbol]` names one). */
export const HAZARD_KINDS = ['data-changed', 'static-local', 'init-code', 'no-patchable-entry', 'ipa-ra', 'type-changed'] as const
export type HazardKind = (typeof HAZARD_KINDS)[number]
export type HazardSeverity = 'error' | 'warning'

export interface Hazard {
  readonly kind: HazardKind
  readonly symbol: string
  readonly severity: HazardSeverity
  /** one line: what goes wrong at patch time and what to do */
  readonly detail: string
}

export interface ObjectDiff {
  readonly functions: readonly LivePatchFunction[]
  readonly hazards: readonly Hazard[]
}
