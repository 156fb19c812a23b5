import t from 'tap'
import { analyzeUnit } from '../../src/extract/unit.js'
import { findSharedCallees } from '../../src/extract/shared-callees.js'
import type { FunctionPair } from '../../src/extract/types.js'
import { abstractSharedCallees, abstractText, inductionText } from '../../src/model/shared-callees.js'

const HELPERS = `# 1 "x.c"\nstatic unsigned int nr_bits(unsigned long w)\n{\n\tunsigned int n = 0;\n\twhile (w) {\n\t\tn += w & 1;\n\t\tw >>= 1;\n\t}\n\treturn n;\n}\nstatic void spin(int x)\n{\n\twhile (x--)\n\t\t;\n}\nstatic int three(void) { int n = 0; for (int i = 0; i < 3; i++) n += i; return n; }\nstatic double halve(double x, int k) { while (k--) x *= 0.5; return x; }\n`
const CALLER = 'int f(unsigned long a) { spin(three()); return nr_bits(a) + (int)halve(a, 2); }\n'

async function callees() {
  const o = await analyzeUnit(HELPERS + CALLER)
  const n = await analyzeUnit(HELPERS + CALLER.replace('return', 'int r = 0; r = nr_bits(a); return r + 0 *'))
  try {
    return findSharedCallees(o, n, 'f', new Set())
  } finally {
    o.tree.delete()
    n.tree.delete()
  }
}

/** The renamed text extraction would give (prefix klp_old_ on every function). */
const renamed = (text: string) => text.replace(/\b(nr_bits|spin|three|halve|f)\b/g, 'klp_old_$1')
const version = { prefix: 'klp_old_', functions: new Map([['nr_bits', 'klp_old_nr_bits'], ['spin', 'klp_old_spin'], ['three', 'klp_old_three'], ['halve', 'klp_old_halve'], ['f', 'klp_old_f']]) }

t.test('abstractText: each shared body becomes one call of its world function, lines kept', async t => {
  const sc = await callees()
  t.same(sc.callees.map(c => c.name), ['halve', 'nr_bits', 'spin', 'three'])
  const text = renamed(HELPERS + CALLER)
  const out = abstractText(text, version, sc.callees)!
  t.matchSnapshot(out, 'abstracted text')
  t.equal(out.split('\n').length, text.split('\n').length, 'same number of lines')
  t.equal(out.split('\n').at(-2), renamed(CALLER).trimEnd(), 'the caller is untouched')
  t.match(out, /typedef unsigned long klp_old_sh_nr_bits_p0_t; typedef unsigned int klp_old_sh_nr_bits_r_t; extern klp_old_sh_nr_bits_r_t klp_sh_nr_bits\(klp_old_sh_nr_bits_p0_t\); static unsigned int klp_old_nr_bits/)
  t.match(out, /\{ \/\* klp-verify: unchanged, shared by both versions \*\/ return klp_sh_nr_bits\(w\); \}/)
  t.match(out, /\{ \/\* klp-verify: unchanged, shared by both versions \*\/ klp_sh_spin\(x\); \}/, 'a void callee: a call, no return')
  t.match(out, /extern klp_old_sh_three_r_t klp_sh_three\(void\); static int klp_old_three\(void\) \{ \/\* klp-verify: unchanged, shared by both versions \*\/ return klp_sh_three\(\); \}\n/, 'no parameters, one line')
  t.match(out, /extern klp_old_sh_halve_r_t klp_sh_halve\(klp_old_sh_halve_p0_t, klp_old_sh_halve_p1_t\); static double klp_old_halve\(double x, int k\) \{ \/\* klp-verify: unchanged, shared by both versions \*\/ union \{ __typeof__\(x\) f; unsigned long long u; \} klp_b0 = \{ x \}; return klp_sh_halve\(klp_b0\.u, k\); \}/, 'a double argument goes as its bits')
  t.match(out, /typedef unsigned long long klp_old_sh_halve_p0_t;/)
  t.equal(abstractText(text, { ...version, functions: new Map() }, sc.callees), undefined, 'a callee the version does not name')
  t.equal(abstractText(text.replace(/static unsigned int klp_old_nr_bits[^]*?\n}\n/, ''), version, sc.callees), undefined, 'a definition not in the text')
})

t.test('abstractSharedCallees: both texts, and the world functions as externals', async t => {
  const sc = await callees()
  const text = renamed(HELPERS + CALLER)
  const unit = (prefix: string) => ({ ...version, prefix, text: text.replace(/klp_old_/g, prefix), functions: new Map([...version.functions].map(([k, v]) => [k, v.replace('klp_old_', prefix)])) })
  const pair = {
    func: 'f', old: unit('klp_old_'), new: unit('klp_new_'), sharedCallees: sc,
    externals: { externals: [], unsupported: [], indirect: 0 },
  } as unknown as FunctionPair
  const out = abstractSharedCallees(pair)!
  t.match(out.old.text, /klp_old_nr_bits\(unsigned long w\)\s*\{ \/\* klp-verify/)
  t.match(out.new.text, /klp_new_nr_bits\(unsigned long w\)\s*\{ \/\* klp-verify/)
  t.same(out.externals.externals.map(e => [e.name, e.signature.name, e.calledBy]), [['klp_sh_halve', 'klp_sh_halve', ['old', 'new']], ['klp_sh_nr_bits', 'klp_sh_nr_bits', ['old', 'new']], ['klp_sh_spin', 'klp_sh_spin', ['old', 'new']], ['klp_sh_three', 'klp_sh_three', ['old', 'new']]])
  t.equal(abstractSharedCallees({ ...pair, sharedCallees: { ...sc, callees: [] } }), undefined, 'nothing to share')
  t.equal(abstractSharedCallees({ ...pair, sharedCallees: undefined }), undefined, 'not looked for')
  t.equal(abstractSharedCallees({ ...pair, new: { ...pair.new, functions: new Map() } }), undefined, 'a version that cannot be rewritten: inline')
  t.equal(abstractSharedCallees({ ...pair, old: { ...pair.old, functions: new Map() } }), undefined, 'the old one either')
})

t.test('inductionText and the pair: the target\'s recursive calls go to its world function, its definition stays', async t => {
  const src = (body: string) => `# 1 "x.c"\nstruct s { int f; };\nunsigned int f(unsigned int a)\n{\n\t${body}\n}\n`
  const OLD = src('struct s v = { 1 }; return a < 10 ? a : a % 10 + f(a / 10) + v.f - 1;')
  const o = await analyzeUnit(OLD)
  const n = await analyzeUnit(src('if (a <= 9) return a; return f(a / 10) + a % 10;'))
  const sc = findSharedCallees(o, n, 'f', new Set())
  o.tree.delete()
  n.tree.delete()
  const rec = sc.recursion!
  const ver = { prefix: 'klp_old_', functions: new Map([['f', 'klp_old_f']]) }
  const text = OLD.replace(/\bf\(/g, 'klp_old_f(')
  const out = inductionText(text, ver, rec)!
  t.match(out, /extern klp_old_sh_f_r_t klp_sh_f\(klp_old_sh_f_p0_t\); unsigned int klp_old_f\(unsigned int a\)\n/, 'the definition keeps its name')
  t.match(out, /a % 10 \+ klp_sh_f\(a \/ 10\) \+ v\.f - 1;/, 'the recursive call is shared; a member named like it is not touched')
  t.equal(out.split('\n').length, text.split('\n').length)
  t.equal(inductionText(text, { ...ver, functions: new Map() }, rec), undefined, 'a target the version does not name')
  const pair = {
    func: 'f', old: { ...ver, text }, new: { prefix: 'klp_new_', functions: new Map([['f', 'klp_new_f']]), text: text.replace(/klp_old_/g, 'klp_new_') },
    sharedCallees: sc, externals: { externals: [], unsupported: [], indirect: 0 },
  } as unknown as FunctionPair
  const abs = abstractSharedCallees(pair)!
  t.same(abs.externals.externals.map(e => e.name), ['klp_sh_f'])
  t.match(abs.new.text, /klp_new_f\(unsigned int a\)\n[^]*klp_sh_f\(a \/ 10\)/)
  t.equal(abstractSharedCallees({ ...pair, new: { ...pair.new, functions: new Map() } }), undefined, 'a version that cannot be rewritten')
})
