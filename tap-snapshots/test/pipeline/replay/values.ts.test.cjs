/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/pipeline/replay/values.ts > TAP > replayHeader: one macro per name, sorted, zero-fill by default > header 1`] = `
/* klp-verify: values of the counterexample, in the order cbmc chose them */
static int klp_nd_n_k;
#define KLP_REPLAY_k(klp_x__, klp_i__) do { memset(&(klp_x__), 0, sizeof(klp_x__)); if ((klp_i__) == 0) { (klp_x__) = 3; } else if ((klp_i__) == 1) { (klp_x__) = -(4ULL); } } while (0)
static int klp_nd_n_s;
#define KLP_REPLAY_s(klp_x__, klp_i__) do { memset(&(klp_x__), 0, sizeof(klp_x__)); if ((klp_i__) == 0) { (klp_x__).n = 1; (klp_x__).x = 2; (klp_x__).c = 'a'; } } while (0)
static int klp_nd_n_zero;
#define KLP_REPLAY_zero(klp_x__, klp_i__) do { memset(&(klp_x__), 0, sizeof(klp_x__));  } while (0)

`
