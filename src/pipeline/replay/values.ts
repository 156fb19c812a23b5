/**
 * Native replay, pure part: which value each nondeterministic declaration took in a CBMC
 * counterexample, and the C that gives a gcc-built program the same values.
 */
import type { RawValue, TraceStep } from '../../cbmc/types.js'
import { splitLhs, updateAt } from '../../classify/trace.js'

export const HARNESS_FILE = '<klp-harness>'

/** Lines (1-based, within the harness section) of `KLP_NONDET(x)` sites, and their names. */
export function nondetSites(nativeHarnessText: string): { lines: Map<number, Set<string>>; names: Set<string> } {
  const lines = new Map<number, Set<string>>()
  const names = new Set<string>()
  const all = nativeHarnessText.split('\n')
  const start = all.findIndex(l => l.startsWith(`# 1 "${HARNESS_FILE}"`))
  for (let i = start + 1; i < all.length; i++) {
    for (const m of all[i]!.matchAll(/KLP_NONDET\((\w+)\)/g)) {
      const line = i - start
      if (!lines.has(line)) lines.set(line, new Set())
      lines.get(line)!.add(m[1]!)
      names.add(m[1]!)
    }
  }
  return { lines, names }
}

/** Per name, the value of each nondeterministic declaration, in execution order. */
export function nondetValues(trace: readonly TraceStep[], sites: ReturnType<typeof nondetSites>): Map<string, RawValue[]> {
  const out = new Map<string, RawValue[]>()
  let cur: { root: string; line: number; value: RawValue | undefined } | undefined
  const flush = () => {
    if (cur?.value) out.set(cur.root, [...(out.get(cur.root) ?? []), cur.value])
    cur = undefined
  }
  for (const s of trace) {
    if (s.stepType !== 'assignment' || !s.lhs || !s.value || s.hidden) continue
    const line = s.location?.line
    const file = s.location?.file
    const p = splitLhs(s.lhs)
    const isSite = p && file === HARNESS_FILE && line !== undefined && sites.lines.get(line)?.has(p.root)
    if (!isSite || !p) {
      if (cur) flush()
      continue
    }
    // member-by-member steps of one declaration share its line; a new step on the root's
    // whole value or on another line starts the next occurrence
    if (!cur || cur.root !== p.root || cur.line !== line || p.path.length === 0) {
      flush()
      cur = { root: p.root, line: line!, value: undefined }
    }
    cur.value = updateAt(cur.value, p.path, s.value)
  }
  flush()
  return out
}

/** C statements assigning a trace value to an lvalue (pointers are left alone: the harness sets them). */
export function assignments(lhs: string, v: RawValue): string[] {
  if ('elements' in v) return v.elements.flatMap(e => assignments(`${lhs}[${e.index}]`, e.value))
  if ('members' in v) return v.members.filter(m => !m.name.startsWith('$pad')).flatMap(m => assignments(`${lhs}.${m.name}`, m.value))
  if (v.name === 'pointer' || v.name === 'unknown' || v.data === undefined) return []
  const d = v.data
  if (d === 'TRUE' || d === 'true') return [`${lhs} = 1;`]
  if (d === 'FALSE' || d === 'false') return [`${lhs} = 0;`]
  if (v.name === 'float') {
    // cbmc prints -2.0 as `-2`: keep it a floating-point literal
    if (/^-?[\d.]+(e[+-]?\d+)?[fF]?$/.test(d)) return [`${lhs} = ${/[.e]/.test(d) ? d : `${d}.0`};`]
    if (/^[+-]?inf/i.test(d)) return [`${lhs} = ${d.startsWith('-') ? '-' : ''}__builtin_inf();`]
    if (/nan/i.test(d)) return [`${lhs} = __builtin_nan("");`]
  }
  if (/^-?\d+[uUlL]*$/.test(d)) {
    // a negative literal of the type's minimum would not fit before the minus applies
    return [d.startsWith('-') ? `${lhs} = -(${d.slice(1).replace(/[uUlL]+$/, '')}ULL);` : `${lhs} = ${d};`]
  }
  if (/^-?[\d.]+(e[+-]?\d+)?[fF]?$/.test(d)) return [`${lhs} = ${d};`]
  if (/^'.*'$/.test(d)) return [`${lhs} = ${d};`]
  return []
}

/** The header a replay program includes: one KLP_REPLAY_<name> macro per nondeterministic name. */
export function replayHeader(values: Map<string, RawValue[]>, names: ReadonlySet<string>): string {
  const lines = ['/* klp-verify: values of the counterexample, in the order cbmc chose them */']
  for (const name of [...names].sort()) {
    const seq = values.get(name) ?? []
    lines.push(`static int klp_nd_n_${name};`)
    // macro parameters with names no struct member will have (`.n` must stay a member)
    const cases = seq.map((v, i) => `if ((klp_i__) == ${i}) { ${assignments('(klp_x__)', v).join(' ')} }`)
    lines.push(`#define KLP_REPLAY_${name}(klp_x__, klp_i__) do { memset(&(klp_x__), 0, sizeof(klp_x__)); ${cases.join(' else ')} } while (0)`)
  }
  return lines.join('\n') + '\n'
}

/** What a native run printed, judged. */
export interface NativeOutcome {
  readonly failed: readonly string[]
  readonly sanitizer: readonly string[]
  readonly assumeFailed: boolean
  readonly done: boolean
}

export function parseNative(stdout: string, stderr: string): NativeOutcome {
  const failed = stdout.split('\n').filter(l => l.startsWith('KLP_FAILED ')).map(l => l.slice('KLP_FAILED '.length))
  const sanitizer = stderr.split('\n').filter(l => /runtime error:|ERROR: AddressSanitizer|ERROR: LeakSanitizer/.test(l)).map(l => l.replace(/^.*?(runtime error:|ERROR: )/, '$1').trim())
  return { failed, sanitizer, assumeFailed: stdout.includes('KLP_ASSUME_FAILED'), done: stdout.includes('KLP_DONE') }
}

/**
 * How the replay runtime reports a line on stdout: with glibc's write() under its own name, never
 * printf or puts, which the code under proof may call and the harness then defines as logging stubs.
 */
const NATIVE_SAY = `long __write(int, const void *, unsigned long);
static void klp_say(const char *tag, int n, const char *m) {
  char b[4096]; unsigned long k = 0;
  for (; *tag && k < 4000; tag++) b[k++] = *tag;
  if (n >= 0) { char d[12]; int j = 0; do { d[j++] = (char)('0' + n % 10); n /= 10; } while (n); while (j) b[k++] = d[--j]; }
  for (; *m && k < 4094; m++) b[k++] = *m;
  b[k++] = '\\n';
  __write(1, b, k);
}`

/** The runtime a replay program is built with: CBMC's primitives, natively. */
export const NATIVE_PRELUDE = `/* klp-verify native replay runtime (prepended to the old version's translation unit) */
void *calloc(unsigned long, unsigned long);
void *memset(void *, int, unsigned long);
int printf(const char *, ...);
void exit(int);
${NATIVE_SAY}
static struct { const char *b; unsigned long n; } klp_objs[4096];
static int klp_nobjs;
static void *klp_native_alloc(unsigned long n, int zero) {
  char *p = calloc(n ? n : 1, 1);
  (void)zero;
  if (klp_nobjs < 4096) { klp_objs[klp_nobjs].b = p; klp_objs[klp_nobjs].n = n; klp_nobjs++; }
  return p;
}
static int klp_find(const void *q) {
  const char *c = q;
  for (int i = klp_nobjs - 1; i >= 0; i--) if (c >= klp_objs[i].b && c <= klp_objs[i].b + klp_objs[i].n) return i;
  return -1;
}
static int klp_native_same(const void *p, const void *q) {
  if (!p || !q) return p == q;
  int a = klp_find(p), b = klp_find(q);
  if (a >= 0 || b >= 0) return a == b;
  return p == q;
}
static long long klp_native_offset(const void *p) {
  int a = klp_find(p);
  return a >= 0 ? (const char *)p - klp_objs[a].b : 0;
}
/* what ASan knows of the object behind q: readable bytes from q up to its next redzone (at most 256) */
void *__asan_region_is_poisoned(void *, unsigned long);
static unsigned long klp_native_readable(const void *q) {
  const char *end = q ? __asan_region_is_poisoned((void *)q, 256) : (const char *)q;
  return end ? (unsigned long)(end - (const char *)q) : 256;
}
#define __CPROVER_r_ok(p, n) (klp_native_readable((const void *)(p)) >= (unsigned long)(n))
#define __CPROVER_OBJECT_SIZE(p) (klp_native_offset((const void *)(p)) + klp_native_readable((const void *)(p)))
#define __CPROVER_allocate(n, z) klp_native_alloc((n), (z))
#define __CPROVER_same_object(p, q) klp_native_same((const void *)(p), (const void *)(q))
#define __CPROVER_POINTER_OFFSET(p) klp_native_offset((const void *)(p))
#define __CPROVER_assume(c) do { if (!(c)) { klp_say("KLP_ASSUME_FAILED ", __LINE__, ""); exit(4); } } while (0)
#define __CPROVER_assert(c, m) do { if (!(c)) klp_say("KLP_FAILED ", -1, (m)); } while (0)
#define KLP_NONDET(x) do { KLP_REPLAY_##x((x), klp_nd_n_##x); klp_nd_n_##x++; } while (0)
#include "klp-replay.h"
`

export const NATIVE_MAIN = `/* klp-verify native replay: run the harness once with the counterexample's values */
void klp_harness(void);
long __write(int, const void *, unsigned long);
int main(void) {
  klp_harness();
  __write(1, "KLP_DONE\\n", 9);
  return 0;
}
`
