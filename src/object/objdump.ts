/**
 * Parse binutils' objdump output: `objdump -s -j <sec>…` (section bytes) and `objdump -d -z -w`
 * (where each instruction starts, to place a PC-relative relocation's target the way kpatch's
 * rela_target_offset does: from the end of the instruction that holds it).
 */

import type { AsmInsn } from './types.js'

const CONTENTS_HEAD = /^Contents of section (.*):$/
/** ` 0010 00000183 e1030304 8a030500 000000c3  ................`: address, 35 columns of hex, two spaces, ASCII */
const HEX_LINE = /^ ([0-9a-f]+) (.{35})/

/**
 * objdump's output as sections: every line under a `head` line whose `line` pattern matches is read
 * into that section's list (lines before the first heading, or that do not match, are skipped).
 */
function bySection<T>(text: string, head: RegExp, line: RegExp, read: (m: RegExpExecArray, into: T[]) => void): Map<string, T[]> {
  const out = new Map<string, T[]>()
  let cur: T[] | undefined
  for (const l of text.split('\n')) {
    const h = head.exec(l)
    if (h) {
      cur = []
      out.set(h[1]!, cur)
      continue
    }
    const m = cur && line.exec(l)
    if (m) read(m, cur!)
  }
  return out
}

/** `objdump -s` → section name → bytes. */
export function parseObjdumpContents(text: string): Map<string, Uint8Array> {
  const out = bySection<number>(text, CONTENTS_HEAD, HEX_LINE, (m, cur) => {
    const at = parseInt(m[1]!, 16)
    const hex = m[2]!.replace(/\s+/g, '')
    for (let i = 0; i + 1 < hex.length; i += 2) cur[at + i / 2] = parseInt(hex.slice(i, i + 2), 16)
  })
  return new Map([...out].map(([k, v]) => [k, Uint8Array.from(v, b => b ?? 0)]))
}

const DISASM_HEAD = /^Disassembly of section (.*):$/
const INSN = /^\s*([0-9a-f]+):\t([0-9a-f]{2}(?: [0-9a-f]{2})*)/

/** `objdump -d -z -w` → executable section name → instruction start offsets, ascending. */
export function parseObjdumpInsns(text: string): Map<string, number[]> {
  const out = bySection<number>(text, DISASM_HEAD, INSN, (m, cur) => cur.push(parseInt(m[1]!, 16)))
  for (const v of out.values()) v.sort((a, b) => a - b)
  return out
}

const PREFIX = /^(rep|repz|repnz|repe|repne|lock|notrack|bnd|data16|addr32|cs|ds|es|fs|gs|ss)$/
const ASM = /^\s*([0-9a-f]+):\t[0-9a-f]{2}(?: [0-9a-f]{2})*\s*\t([^#<]*)/

/** Split `0x0(%rax,%rax,1),%edx` at the commas outside parentheses. */
function splitArgs(text: string): string[] {
  const out: string[] = []
  let depth = 0
  let cur = ''
  for (const ch of text) {
    if (ch === ',' && depth === 0) { out.push(cur.trim()); cur = ''; continue }
    if (ch === '(') depth++
    if (ch === ')') depth--
    cur += ch
  }
  if (cur.trim()) out.push(cur.trim())
  return out
}

/** `objdump -d -z -w --insn-width=16` → executable section name → its instructions. */
export function parseObjdumpAsm(text: string): Map<string, AsmInsn[]> {
  return bySection<AsmInsn>(text, DISASM_HEAD, ASM, (m, cur) => {
    const words = m[2]!.trim().split(/\s+/)
    while (words.length > 1 && PREFIX.test(words[0]!)) words.shift()
    const [op = '', ...rest] = words
    cur.push({ offset: parseInt(m[1]!, 16), op, args: splitArgs(rest.join(' ')) })
  })
}
