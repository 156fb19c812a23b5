/**
 * C bodies for the Linux x86 primitives written in inline assembly (arch/x86/include/asm: atomic.h,
 * atomic64_64.h, bitops.h, jump_label.h, preempt.h), with the same sequential meaning: CBMC checks one
 * thread, so `lock`-prefixed read-modify-writes are plain ones. `$0`, `$1`, … are the function's
 * parameters in order (asm-models.ts substitutes the names the header uses); a function whose parameter
 * count differs from the model's keeps its own body, and its asm is then judged statement by statement.
 * Arithmetic goes through unsigned types: the hardware wraps, whatever the compiler flags say.
 */

export interface AsmBody {
  readonly params: number
  readonly c: string
}

const bodies = new Map<string, AsmBody>()
const def = (name: string, params: number, c: string) => bodies.set(name, { params, c })

// atomic_t (int) and atomic64_t (s64): arch_atomic_* and arch_atomic64_*
for (const [pre, T, U] of [['arch_atomic_', 'int', 'unsigned int'], ['arch_atomic64_', 'long long', 'unsigned long long']] as const) {
  const upd = (v: string, op: string, x: string) => `${v}->counter = (${T})((${U})${v}->counter ${op} (${U})${x});`
  for (const [op, c] of [['add', '+'], ['sub', '-'], ['and', '&'], ['or', '|'], ['xor', '^']] as const) {
    def(`${pre}${op}`, 2, upd('$1', c, '$0'))
    def(`${pre}fetch_${op}`, 2, `${T} klp_old = $1->counter; ${upd('$1', c, '$0')} return klp_old;`)
  }
  def(`${pre}add_return`, 2, `${upd('$1', '+', '$0')} return $1->counter;`)
  def(`${pre}sub_return`, 2, `${upd('$1', '-', '$0')} return $1->counter;`)
  def(`${pre}sub_and_test`, 2, `${upd('$1', '-', '$0')} return $1->counter == 0;`)
  def(`${pre}add_negative`, 2, `${upd('$1', '+', '$0')} return $1->counter < 0;`)
  def(`${pre}inc`, 1, upd('$0', '+', '1'))
  def(`${pre}dec`, 1, upd('$0', '-', '1'))
  def(`${pre}inc_and_test`, 1, `${upd('$0', '+', '1')} return $0->counter == 0;`)
  def(`${pre}dec_and_test`, 1, `${upd('$0', '-', '1')} return $0->counter == 0;`)
  def(`${pre}cmpxchg`, 3, `${T} klp_old = $0->counter; if (klp_old == $1) $0->counter = $2; return klp_old;`)
  def(`${pre}try_cmpxchg`, 3, `${T} klp_old = $0->counter; if (klp_old == *$1) { $0->counter = $2; return 1; } *$1 = klp_old; return 0;`)
  def(`${pre}xchg`, 2, `${T} klp_old = $0->counter; $0->counter = $1; return klp_old;`)
}

// bit operations on unsigned long arrays: bit nr of addr[nr / 64]
const word = '((unsigned long *)$1)[(unsigned long)$0 / 64]'
const mask = '(1UL << ((unsigned long)$0 % 64))'
for (const locked of ['arch_', 'arch___']) {
  def(`${locked}set_bit`, 2, `${word} |= ${mask};`)
  def(`${locked}clear_bit`, 2, `${word} &= ~${mask};`)
  def(`${locked}change_bit`, 2, `${word} ^= ${mask};`)
  def(`${locked}test_and_set_bit`, 2, `_Bool klp_old = (${word} & ${mask}) != 0; ${word} |= ${mask}; return klp_old;`)
  def(`${locked}test_and_clear_bit`, 2, `_Bool klp_old = (${word} & ${mask}) != 0; ${word} &= ~${mask}; return klp_old;`)
  def(`${locked}test_and_change_bit`, 2, `_Bool klp_old = (${word} & ${mask}) != 0; ${word} ^= ${mask}; return klp_old;`)
}
def('arch_clear_bit_unlock', 2, `${word} &= ~${mask};`)
def('arch___clear_bit_unlock', 2, `${word} &= ~${mask};`)
def('variable_test_bit', 2, `return (((const volatile unsigned long *)$1)[(unsigned long)$0 / 64] >> ((unsigned long)$0 % 64)) & 1;`)
// bit searches: undefined for 0 where the asm (bsf/bsr) is; fls/ffs define 0
def('variable__ffs', 1, 'return __builtin_ctzl($0);')
def('variable_ffz', 1, 'return __builtin_ctzl(~$0);')
def('__fls', 1, 'return 63 - __builtin_clzl($0);')
def('fls', 1, 'return $0 ? 32 - __builtin_clz($0) : 0;')
def('ffs', 1, 'return $0 ? __builtin_ctz($0) + 1 : 0;')
def('fls64', 1, 'return $0 ? 64 - __builtin_clzll($0) : 0;')

// static keys (jump labels): the branch is taken when the key's enabled state differs from `branch`
// (static_branch_unlikely(k) is arch_static_branch(k, false), true when k is enabled)
def('arch_static_branch', 2, 'return (($0)->enabled.counter > 0) != ($1);')
def('arch_static_branch_jump', 2, 'return (($0)->enabled.counter > 0) != ($1);')

// the per-cpu preempt count (pcpu_hot.preempt_count, as the 6.x headers keep it)
def('__preempt_count_add', 1, 'pcpu_hot.preempt_count += $0;')
def('__preempt_count_sub', 1, 'pcpu_hot.preempt_count -= $0;')
def('__preempt_count_dec_and_test', 0, 'return --pcpu_hot.preempt_count == 0;')

export const ASM_BODIES: ReadonlyMap<string, AsmBody> = bodies
