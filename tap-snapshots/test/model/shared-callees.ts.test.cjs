/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/model/shared-callees.ts > TAP > abstractText: each shared body becomes one call of its world function, lines kept > abstracted text 1`] = `
# 1 "x.c"
typedef unsigned long klp_old_sh_nr_bits_p0_t; typedef unsigned int klp_old_sh_nr_bits_r_t; extern klp_old_sh_nr_bits_r_t klp_sh_nr_bits(klp_old_sh_nr_bits_p0_t); static unsigned int klp_old_nr_bits(unsigned long w)
{ /* klp-verify: unchanged, shared by both versions */ return klp_sh_nr_bits(w); }







typedef int klp_old_sh_spin_p0_t; typedef void klp_old_sh_spin_r_t; extern klp_old_sh_spin_r_t klp_sh_spin(klp_old_sh_spin_p0_t); static void klp_old_spin(int x)
{ /* klp-verify: unchanged, shared by both versions */ klp_sh_spin(x); }



typedef int klp_old_sh_three_r_t; extern klp_old_sh_three_r_t klp_sh_three(void); static int klp_old_three(void) { /* klp-verify: unchanged, shared by both versions */ return klp_sh_three(); }
typedef unsigned long long klp_old_sh_halve_p0_t; typedef int klp_old_sh_halve_p1_t; typedef double klp_old_sh_halve_r_t; extern klp_old_sh_halve_r_t klp_sh_halve(klp_old_sh_halve_p0_t, klp_old_sh_halve_p1_t); static double klp_old_halve(double x, int k) { /* klp-verify: unchanged, shared by both versions */ union { __typeof__(x) f; unsigned long long u; } klp_b0 = { x }; return klp_sh_halve(klp_b0.u, k); }
int klp_old_f(unsigned long a) { klp_old_spin(klp_old_three()); return klp_old_nr_bits(a) + (int)klp_old_halve(a, 2); }

`
