/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/harness/plan.ts > TAP > rendered harness per mode (snapshots) > misc: opaque, function-pointer, array-pointer and anonymous-struct params, buffers of structs, a struct return — claim-0 — metadata 1`] = `
{
  "unwindset": [
    {
      "loop": "klp_harness.0",
      "bound": 3
    },
    {
      "loop": "klp_harness.1",
      "bound": 3
    },
    {
      "loop": "klp_harness.2",
      "bound": 3
    },
    {
      "loop": "klp_harness.3",
      "bound": 3
    },
    {
      "loop": "klp_harness.4",
      "bound": 3
    },
    {
      "loop": "klp_harness.5",
      "bound": 3
    },
    {
      "loop": "klp_harness.6",
      "bound": 3
    },
    {
      "loop": "klp_harness.7",
      "bound": 3
    },
    {
      "loop": "klp_harness.8",
      "bound": 7
    },
    {
      "loop": "klp_harness.9",
      "bound": 3
    },
    {
      "loop": "klp_harness.10",
      "bound": 3
    },
    {
      "loop": "klp_harness.11",
      "bound": 3
    },
    {
      "loop": "klp_harness.12",
      "bound": 7
    },
    {
      "loop": "klp_harness.13",
      "bound": 7
    },
    {
      "loop": "klp_harness.14",
      "bound": 3
    },
    {
      "loop": "klp_harness.15",
      "bound": 9
    },
    {
      "loop": "klp_harness.16",
      "bound": 7
    }
  ],
  "observables": [
    {
      "index": 0,
      "kind": "return",
      "label": "return",
      "leaves": [
        {
          "label": "return.v[0]",
          "oldVar": "klp_o_20",
          "newVar": "klp_n_20"
        },
        {
          "label": "return.v[1]",
          "oldVar": "klp_o_21",
          "newVar": "klp_n_21"
        },
        {
          "label": "return.p (pointer)",
          "oldVar": "klp_o_23",
          "newVar": "klp_n_23"
        }
      ],
      "arrayDiff": {
        "index": "klp_di_22",
        "oldVar": "klp_o_22",
        "newVar": "klp_n_22",
        "elem": "return.big"
      }
    },
    {
      "index": 1,
      "kind": "memory",
      "label": "memory *a",
      "leaves": [
        {
          "label": "a->a",
          "oldVar": "klp_o_24",
          "newVar": "klp_n_24"
        },
        {
          "label": "a->p (pointer)",
          "oldVar": "klp_o_25",
          "newVar": "klp_n_25"
        }
      ]
    },
    {
      "index": 2,
      "kind": "memory",
      "label": "memory raw[0..rawlen)",
      "leaves": [],
      "arrayDiff": {
        "index": "klp_di_26",
        "oldVar": "klp_o_26",
        "newVar": "klp_n_26",
        "elem": "raw[]"
      }
    },
    {
      "index": 3,
      "kind": "memory",
      "label": "memory items[0..n)",
      "leaves": [],
      "arrayDiff": {
        "index": "klp_di_27",
        "oldVar": "",
        "newVar": "",
        "elem": "items[]"
      }
    },
    {
      "index": 4,
      "kind": "memory",
      "label": "memory arr[0..m)",
      "leaves": [],
      "arrayDiff": {
        "index": "klp_di_29",
        "oldVar": "",
        "newVar": "",
        "elem": "arr[]"
      }
    },
    {
      "index": 5,
      "kind": "memory",
      "label": "memory *b",
      "leaves": [
        {
          "label": "b->small[0]",
          "oldVar": "klp_o_31",
          "newVar": "klp_n_31"
        },
        {
          "label": "b->small[1]",
          "oldVar": "klp_o_32",
          "newVar": "klp_n_32"
        },
        {
          "label": "b->ptrs[0] (pointer)",
          "oldVar": "klp_o_33",
          "newVar": "klp_n_33"
        },
        {
          "label": "b->ptrs[1] (pointer)",
          "oldVar": "klp_o_34",
          "newVar": "klp_n_34"
        },
        {
          "label": "b->un.i",
          "oldVar": "klp_o_36",
          "newVar": "klp_n_36"
        },
        {
          "label": "b->un.s (pointer)",
          "oldVar": "klp_o_37",
          "newVar": "klp_n_37"
        },
        {
          "label": "b->flag",
          "oldVar": "klp_o_38",
          "newVar": "klp_n_38"
        },
        {
          "label": "b->fn (pointer)",
          "oldVar": "klp_o_39",
          "newVar": "klp_n_39"
        },
        {
          "label": "b->link (pointer)",
          "oldVar": "klp_o_40",
          "newVar": "klp_n_40"
        },
        {
          "label": "b->argv (pointer)",
          "oldVar": "klp_o_41",
          "newVar": "klp_n_41"
        }
      ],
      "arrayDiff": {
        "index": "klp_di_35",
        "oldVar": "",
        "newVar": "",
        "elem": "b->many"
      }
    },
    {
      "index": 6,
      "kind": "memory",
      "label": "memory *pa",
      "leaves": [
        {
          "label": "*pa[0]",
          "oldVar": "klp_o_42",
          "newVar": "klp_n_42"
        },
        {
          "label": "*pa[1]",
          "oldVar": "klp_o_43",
          "newVar": "klp_n_43"
        },
        {
          "label": "*pa[2]",
          "oldVar": "klp_o_44",
          "newVar": "klp_n_44"
        },
        {
          "label": "*pa[3]",
          "oldVar": "klp_o_45",
          "newVar": "klp_n_45"
        }
      ]
    },
    {
      "index": 7,
      "kind": "memory",
      "label": "memory many[0..cnt)",
      "leaves": [],
      "arrayDiff": {
        "index": "klp_di_46",
        "oldVar": "",
        "newVar": "",
        "elem": "many[]"
      }
    },
    {
      "index": 8,
      "kind": "memory",
      "label": "memory *one",
      "leaves": [
        {
          "label": "one->a",
          "oldVar": "klp_o_47",
          "newVar": "klp_n_47"
        },
        {
          "label": "one->b",
          "oldVar": "klp_o_48",
          "newVar": "klp_n_48"
        }
      ]
    },
    {
      "index": 9,
      "kind": "memory",
      "label": "memory *e",
      "leaves": []
    },
    {
      "index": 10,
      "kind": "memory",
      "label": "memory *ae",
      "leaves": []
    },
    {
      "index": 11,
      "kind": "globals",
      "label": "global table",
      "leaves": [],
      "arrayDiff": {
        "index": "klp_di_49",
        "oldVar": "klp_o_49",
        "newVar": "klp_n_49",
        "elem": "table"
      }
    },
    {
      "index": 12,
      "kind": "globals",
      "label": "global names",
      "leaves": [
        {
          "label": "names[0] (pointer)",
          "oldVar": "klp_o_50",
          "newVar": "klp_n_50"
        },
        {
          "label": "names[1] (pointer)",
          "oldVar": "klp_o_51",
          "newVar": "klp_n_51"
        }
      ]
    },
    {
      "index": 13,
      "kind": "globals",
      "label": "global lots",
      "leaves": [],
      "arrayDiff": {
        "index": "klp_di_52",
        "oldVar": "",
        "newVar": "",
        "elem": "lots"
      }
    },
    {
      "index": 14,
      "kind": "globals",
      "label": "global elock",
      "leaves": []
    }
  ],
  "inputs": [
    {
      "label": "rawlen",
      "variable": "rawlen"
    },
    {
      "label": "n",
      "variable": "n"
    },
    {
      "label": "m",
      "variable": "m"
    },
    {
      "label": "cnt",
      "variable": "cnt"
    },
    {
      "label": "a == NULL",
      "variable": "klp_null_a"
    },
    {
      "label": "*a",
      "variable": "klp_src_a"
    },
    {
      "label": "ctx",
      "variable": "ctx"
    },
    {
      "label": "cb",
      "variable": "cb"
    },
    {
      "label": "raw[0..rawlen)",
      "variable": "klp_src_raw"
    },
    {
      "label": "items == NULL",
      "variable": "klp_null_items"
    },
    {
      "label": "items[0..n)",
      "variable": "klp_src_items"
    },
    {
      "label": "arr[0..m)",
      "variable": "klp_src_arr"
    },
    {
      "label": "*b",
      "variable": "klp_src_b"
    },
    {
      "label": "*pa",
      "variable": "klp_in_pa"
    },
    {
      "label": "many[0..cnt)",
      "variable": "klp_src_many"
    },
    {
      "label": "*one",
      "variable": "klp_in_one"
    },
    {
      "label": "*e",
      "variable": "klp_src_e"
    },
    {
      "label": "global table",
      "variable": "klp_src_15"
    },
    {
      "label": "global names",
      "variable": "klp_src_16"
    },
    {
      "label": "global lots",
      "variable": "klp_src_19"
    }
  ],
  "checks": "none",
  "bounds": [
    "0 <= rawlen <= 2 (elements of raw)",
    "0 <= n <= 2 (elements of items)",
    "0 <= m <= 2 (elements of arr)",
    "0 <= cnt <= 2 (elements of many)"
  ]
}
`

exports[`test/harness/plan.ts > TAP > rendered harness per mode (snapshots) > misc: opaque, function-pointer, array-pointer and anonymous-struct params, buffers of structs, a struct return — claim-0 1`] = `
# 1 "<klp-harness>"
/*
 * klp-verify equivalence harness for misc()
 * mode: inside claim fix-items
 * Generated; re-run by hand with the command in cbmc-command.txt.
 */
void *memcpy(void *, const void *, unsigned long);
void *memset(void *, int, unsigned long);
typedef anon_t *klp_p0_t;
typedef void *klp_p1_t;
typedef int (*klp_p2_t)(int);
typedef void *klp_p3_t;
typedef unsigned klp_p4_t;
typedef struct rec *klp_p5_t;
typedef unsigned klp_p6_t;
typedef anon_t *klp_p7_t;
typedef unsigned klp_p8_t;
typedef struct big *klp_p9_t;
typedef int (*klp_p10_t)[4];
typedef anonp_t klp_p11_t;
typedef unsigned klp_p12_t;
typedef anonp_t klp_p13_t;
typedef struct empty *klp_p14_t;
typedef anonempty_t klp_p15_t;
typedef struct ret klp_ret_t;
extern klp_ret_t klp_new_misc(klp_p0_t, klp_p1_t, klp_p2_t, klp_p3_t, klp_p4_t, klp_p5_t, klp_p6_t, klp_p7_t, klp_p8_t, klp_p9_t, klp_p10_t, klp_p11_t, klp_p12_t, klp_p13_t, klp_p14_t, klp_p15_t);
extern int klp_new_table[8];
extern char *klp_new_names[2];
extern char *klp_new_lots[6];
extern struct empty klp_new_elock;
static const void *klp_h_old_1;
static const void *klp_h_new_1;
static const void *klp_h_old_2;
static const void *klp_h_new_2;
static const void *klp_h_old_3;
static const void *klp_h_new_3;
static const void *klp_h_old_4;
static const void *klp_h_new_4;
static const void *klp_h_old_5;
static const void *klp_h_new_5;
static const void *klp_h_old_6;
static const void *klp_h_new_6;
static const void *klp_h_old_7;
static const void *klp_h_new_7;
static const void *klp_h_old_8;
static const void *klp_h_new_8;
static const void *klp_h_old_9;
static const void *klp_h_new_9;
static const void *klp_h_old_10;
static const void *klp_h_new_10;
static const void *klp_h_old_11;
static const void *klp_h_new_11;
static const void *klp_h_old_12;
static const void *klp_h_new_12;
static const void *klp_h_old_13;
static const void *klp_h_new_13;
static const void *klp_h_old_14;
static const void *klp_h_new_14;
static const void *klp_h_old_15;
static const void *klp_h_new_15;
static const void *klp_h_old_16;
static const void *klp_h_new_16;
static const void *klp_h_old_17;
static const void *klp_h_new_17;
static const void *klp_h_old_18;
static const void *klp_h_new_18;
static const void *klp_h_old_19;
static const void *klp_h_new_19;
static const void *klp_h_old_20;
static const void *klp_h_new_20;
static const void *klp_h_old_21;
static const void *klp_h_new_21;
static const void *klp_h_old_22;
static const void *klp_h_new_22;
static const void *klp_h_old_23;
static const void *klp_h_new_23;
static char klp_opaque_old[1][64];
static char klp_opaque_new[1][64];
static long long klp_abs(const void *q, int v) {
  if (q == 0) return 0;
  if (__CPROVER_same_object(q, v ? klp_h_new_1 : klp_h_old_1)) return 1LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_2 : klp_h_old_2)) return 2LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_3 : klp_h_old_3)) return 3LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_4 : klp_h_old_4)) return 4LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_5 : klp_h_old_5)) return 5LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_6 : klp_h_old_6)) return 6LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_7 : klp_h_old_7)) return 7LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_8 : klp_h_old_8)) return 8LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_9 : klp_h_old_9)) return 9LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_10 : klp_h_old_10)) return 10LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_11 : klp_h_old_11)) return 11LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_12 : klp_h_old_12)) return 12LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_13 : klp_h_old_13)) return 13LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_14 : klp_h_old_14)) return 14LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_15 : klp_h_old_15)) return 15LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_16 : klp_h_old_16)) return 16LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_17 : klp_h_old_17)) return 17LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_18 : klp_h_old_18)) return 18LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_19 : klp_h_old_19)) return 19LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_20 : klp_h_old_20)) return 20LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_21 : klp_h_old_21)) return 21LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_22 : klp_h_old_22)) return 22LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_23 : klp_h_old_23)) return 23LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? (const void *)klp_opaque_new : (const void *)klp_opaque_old)) return -2LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  return -1;
}

void klp_harness(void)
{
  /* shared nondeterministic inputs and assumptions */
  klp_p4_t rawlen;
  klp_p6_t n;
  klp_p8_t m;
  klp_p12_t cnt;
  klp_p0_t a = 0;
  klp_p0_t klp_new_a = 0;
  _Bool klp_null_a;
  klp_p1_t ctx = 0;
  klp_p1_t klp_new_ctx = 0;
  unsigned char klp_opaque_in_0[64];
  memcpy(klp_opaque_old[0], klp_opaque_in_0, 64); memcpy(klp_opaque_new[0], klp_opaque_in_0, 64);
  ctx = (klp_p1_t)klp_opaque_old[0]; klp_new_ctx = (klp_p1_t)klp_opaque_new[0];
  klp_p2_t cb = 0;
  klp_p2_t klp_new_cb = 0;
  klp_p3_t raw = 0;
  klp_p3_t klp_new_raw = 0;
  __CPROVER_assume(((rawlen)) >= 0 && ((rawlen)) <= 2);
  unsigned long klp_len_raw = (unsigned long)((rawlen));
  unsigned char klp_src_raw[2];
  klp_p5_t items = 0;
  klp_p5_t klp_new_items = 0;
  _Bool klp_null_items;
  __CPROVER_assume(((n)) >= 0 && ((n)) <= 2);
  unsigned long klp_len_items = (unsigned long)((n));
  struct rec klp_src_items[2];
  memset((void *)klp_src_items, 0, sizeof(klp_src_items));
  klp_p7_t arr = 0;
  klp_p7_t klp_new_arr = 0;
  __CPROVER_assume(((m)) >= 0 && ((m)) <= 2);
  unsigned long klp_len_arr = (unsigned long)((m));
  anon_t klp_src_arr[2];
  memset((void *)klp_src_arr, 0, sizeof(klp_src_arr));
  klp_p9_t b = 0;
  klp_p9_t klp_new_b = 0;
  klp_p10_t pa = 0;
  klp_p10_t klp_new_pa = 0;
  klp_p11_t many = 0;
  klp_p11_t klp_new_many = 0;
  __CPROVER_assume(((cnt)) >= 0 && ((cnt)) <= 2);
  unsigned long klp_len_many = (unsigned long)((cnt));
  __typeof__(*(klp_p11_t)0) klp_src_many[2];
  klp_p13_t one = 0;
  klp_p13_t klp_new_one = 0;
  klp_p14_t e = 0;
  klp_p14_t klp_new_e = 0;
  klp_p15_t ae = 0;
  klp_p15_t klp_new_ae = 0;
  anon_t klp_src_a;
  _Bool klp_c_0;
  struct big klp_src_b;
  _Bool klp_c_7;
  _Bool klp_c_8;
  _Bool klp_c_9;
  _Bool klp_c_10;
  _Bool klp_c_11;
  _Bool klp_c_12;
  struct empty klp_src_e;
  __typeof__(klp_old_table) klp_src_15;
  __typeof__(klp_old_names) klp_src_16;
  _Bool klp_c_17;
  _Bool klp_c_18;
  __typeof__(klp_old_lots) klp_src_19;

  /* the same entry state for each version, in separate objects */
  if (klp_c_0) {
  (klp_src_a).p = __CPROVER_allocate(sizeof(*((klp_src_a).p)), 0);
  klp_h_old_1 = (klp_src_a).p;
  } else (klp_src_a).p = 0;
  if (!klp_null_a) {
  a = (klp_p0_t)__CPROVER_allocate(sizeof(*a), 0);
  *(anon_t *)a = klp_src_a;
  klp_h_old_2 = a;
  }
  raw = (klp_p3_t)__CPROVER_allocate(sizeof(unsigned char) * klp_len_raw, 0);
  for (unsigned long klp_k_1 = 0; klp_k_1 < klp_len_raw; klp_k_1++) ((unsigned char *)raw)[klp_k_1] = klp_src_raw[klp_k_1];
  klp_h_old_3 = raw;
  if (!klp_null_items) {
  items = (klp_p5_t)__CPROVER_allocate(sizeof(struct rec) * klp_len_items, 0);
  for (unsigned long klp_k_3 = 0; klp_k_3 < klp_len_items; klp_k_3++) ((struct rec *)items)[klp_k_3] = klp_src_items[klp_k_3];
  }
  klp_h_old_4 = items;
  arr = (klp_p7_t)__CPROVER_allocate(sizeof(anon_t) * klp_len_arr, 0);
  for (unsigned long klp_k_5 = 0; klp_k_5 < klp_len_arr; klp_k_5++) ((anon_t *)arr)[klp_k_5] = klp_src_arr[klp_k_5];
  klp_h_old_5 = arr;
  if (klp_c_7) {
  ((klp_src_b).ptrs)[0] = __CPROVER_allocate(sizeof(*(((klp_src_b).ptrs)[0])), 0);
  klp_h_old_6 = ((klp_src_b).ptrs)[0];
  } else ((klp_src_b).ptrs)[0] = 0;
  if (klp_c_8) {
  ((klp_src_b).ptrs)[1] = __CPROVER_allocate(sizeof(*(((klp_src_b).ptrs)[1])), 0);
  klp_h_old_7 = ((klp_src_b).ptrs)[1];
  } else ((klp_src_b).ptrs)[1] = 0;
  memset((void *)&((klp_src_b).many), 0, sizeof((klp_src_b).many));
  memset((void *)&((klp_src_b).un), 0, sizeof((klp_src_b).un));
  (klp_src_b).fn = 0;
  if (klp_c_9) {
  (klp_src_b).link = __CPROVER_allocate(sizeof(*((klp_src_b).link)), 0);
  if (klp_c_10) {
  ((*(struct rec *)((klp_src_b).link))).name = __CPROVER_allocate(sizeof(*(((*(struct rec *)((klp_src_b).link))).name)), 0);
  klp_h_old_8 = ((*(struct rec *)((klp_src_b).link))).name;
  } else ((*(struct rec *)((klp_src_b).link))).name = 0;
  klp_h_old_9 = (klp_src_b).link;
  } else (klp_src_b).link = 0;
  if (klp_c_11) {
  (klp_src_b).argv = __CPROVER_allocate(sizeof(*((klp_src_b).argv)), 0);
  if (klp_c_12) {
  (*(char * *)((klp_src_b).argv)) = __CPROVER_allocate(sizeof(*((*(char * *)((klp_src_b).argv)))), 0);
  klp_h_old_10 = (*(char * *)((klp_src_b).argv));
  } else (*(char * *)((klp_src_b).argv)) = 0;
  klp_h_old_11 = (klp_src_b).argv;
  } else (klp_src_b).argv = 0;
  b = (klp_p9_t)__CPROVER_allocate(sizeof(*b), 0);
  *(struct big *)b = klp_src_b;
  klp_h_old_12 = b;
  pa = (klp_p10_t)__CPROVER_allocate(sizeof(*pa), 0);
  klp_h_old_13 = pa;
  __typeof__(*pa) klp_in_pa; memcpy((void *)&klp_in_pa, (const void *)pa, sizeof(klp_in_pa));
  many = (klp_p11_t)__CPROVER_allocate(sizeof(__typeof__(*(klp_p11_t)0)) * klp_len_many, 0);
  for (unsigned long klp_k_13 = 0; klp_k_13 < klp_len_many; klp_k_13++) memcpy((char *)many + klp_k_13 * sizeof(klp_src_many[0]), (const void *)&klp_src_many[klp_k_13], sizeof(klp_src_many[0]));
  klp_h_old_14 = many;
  one = (klp_p13_t)__CPROVER_allocate(sizeof(*one), 0);
  klp_h_old_15 = one;
  __typeof__(*one) klp_in_one = *one;
  e = (klp_p14_t)__CPROVER_allocate(sizeof(*e), 0);
  klp_h_old_16 = e;
  ae = (klp_p15_t)__CPROVER_allocate(sizeof(*ae), 0);
  klp_h_old_17 = ae;
  memcpy((void *)&klp_old_table, (const void *)&klp_src_15, sizeof(klp_old_table));
  klp_h_old_18 = &klp_old_table;
  if (klp_c_17) {
  (klp_src_16)[0] = __CPROVER_allocate(sizeof(*((klp_src_16)[0])), 0);
  klp_h_old_19 = (klp_src_16)[0];
  } else (klp_src_16)[0] = 0;
  if (klp_c_18) {
  (klp_src_16)[1] = __CPROVER_allocate(sizeof(*((klp_src_16)[1])), 0);
  klp_h_old_20 = (klp_src_16)[1];
  } else (klp_src_16)[1] = 0;
  memcpy((void *)&klp_old_names, (const void *)&klp_src_16, sizeof(klp_old_names));
  klp_h_old_21 = &klp_old_names;
  memset((void *)&(klp_src_19), 0, sizeof(klp_src_19));
  memcpy((void *)&klp_old_lots, (const void *)&klp_src_19, sizeof(klp_old_lots));
  klp_h_old_22 = &klp_old_lots;
  klp_h_old_23 = &klp_old_elock;
  if (!klp_null_a) {
  klp_new_a = (klp_p0_t)__CPROVER_allocate(sizeof(*a), 0);
  *(anon_t *)klp_new_a = klp_src_a;
  if (klp_c_0) {
  ((*(anon_t *)(klp_new_a))).p = __CPROVER_allocate(sizeof(*((klp_src_a).p)), 0);
  memcpy((void *)(((*(anon_t *)(klp_new_a))).p), (const void *)((klp_src_a).p), sizeof(*((klp_src_a).p)));
  klp_h_new_1 = ((*(anon_t *)(klp_new_a))).p;
  } else ((*(anon_t *)(klp_new_a))).p = 0;
  klp_h_new_2 = klp_new_a;
  }
  klp_new_raw = (klp_p3_t)__CPROVER_allocate(sizeof(unsigned char) * klp_len_raw, 0);
  for (unsigned long klp_k_2 = 0; klp_k_2 < klp_len_raw; klp_k_2++) ((unsigned char *)klp_new_raw)[klp_k_2] = klp_src_raw[klp_k_2];
  klp_h_new_3 = klp_new_raw;
  if (!klp_null_items) {
  klp_new_items = (klp_p5_t)__CPROVER_allocate(sizeof(struct rec) * klp_len_items, 0);
  for (unsigned long klp_k_4 = 0; klp_k_4 < klp_len_items; klp_k_4++) ((struct rec *)klp_new_items)[klp_k_4] = klp_src_items[klp_k_4];
  }
  klp_h_new_4 = klp_new_items;
  klp_new_arr = (klp_p7_t)__CPROVER_allocate(sizeof(anon_t) * klp_len_arr, 0);
  for (unsigned long klp_k_6 = 0; klp_k_6 < klp_len_arr; klp_k_6++) ((anon_t *)klp_new_arr)[klp_k_6] = klp_src_arr[klp_k_6];
  klp_h_new_5 = klp_new_arr;
  klp_new_b = (klp_p9_t)__CPROVER_allocate(sizeof(*b), 0);
  *(struct big *)klp_new_b = klp_src_b;
  if (klp_c_7) {
  (((*(struct big *)(klp_new_b))).ptrs)[0] = __CPROVER_allocate(sizeof(*(((klp_src_b).ptrs)[0])), 0);
  memcpy((void *)((((*(struct big *)(klp_new_b))).ptrs)[0]), (const void *)(((klp_src_b).ptrs)[0]), sizeof(*(((klp_src_b).ptrs)[0])));
  klp_h_new_6 = (((*(struct big *)(klp_new_b))).ptrs)[0];
  } else (((*(struct big *)(klp_new_b))).ptrs)[0] = 0;
  if (klp_c_8) {
  (((*(struct big *)(klp_new_b))).ptrs)[1] = __CPROVER_allocate(sizeof(*(((klp_src_b).ptrs)[1])), 0);
  memcpy((void *)((((*(struct big *)(klp_new_b))).ptrs)[1]), (const void *)(((klp_src_b).ptrs)[1]), sizeof(*(((klp_src_b).ptrs)[1])));
  klp_h_new_7 = (((*(struct big *)(klp_new_b))).ptrs)[1];
  } else (((*(struct big *)(klp_new_b))).ptrs)[1] = 0;
  if (klp_c_9) {
  ((*(struct big *)(klp_new_b))).link = __CPROVER_allocate(sizeof(*((klp_src_b).link)), 0);
  memcpy((void *)(((*(struct big *)(klp_new_b))).link), (const void *)((klp_src_b).link), sizeof(*((klp_src_b).link)));
  if (klp_c_10) {
  ((*(struct rec *)(((*(struct big *)(klp_new_b))).link))).name = __CPROVER_allocate(sizeof(*(((*(struct rec *)((klp_src_b).link))).name)), 0);
  memcpy((void *)(((*(struct rec *)(((*(struct big *)(klp_new_b))).link))).name), (const void *)(((*(struct rec *)((klp_src_b).link))).name), sizeof(*(((*(struct rec *)((klp_src_b).link))).name)));
  klp_h_new_8 = ((*(struct rec *)(((*(struct big *)(klp_new_b))).link))).name;
  } else ((*(struct rec *)(((*(struct big *)(klp_new_b))).link))).name = 0;
  klp_h_new_9 = ((*(struct big *)(klp_new_b))).link;
  } else ((*(struct big *)(klp_new_b))).link = 0;
  if (klp_c_11) {
  ((*(struct big *)(klp_new_b))).argv = __CPROVER_allocate(sizeof(*((klp_src_b).argv)), 0);
  memcpy((void *)(((*(struct big *)(klp_new_b))).argv), (const void *)((klp_src_b).argv), sizeof(*((klp_src_b).argv)));
  if (klp_c_12) {
  (*(char * *)(((*(struct big *)(klp_new_b))).argv)) = __CPROVER_allocate(sizeof(*((*(char * *)((klp_src_b).argv)))), 0);
  memcpy((void *)((*(char * *)(((*(struct big *)(klp_new_b))).argv))), (const void *)((*(char * *)((klp_src_b).argv))), sizeof(*((*(char * *)((klp_src_b).argv)))));
  klp_h_new_10 = (*(char * *)(((*(struct big *)(klp_new_b))).argv));
  } else (*(char * *)(((*(struct big *)(klp_new_b))).argv)) = 0;
  klp_h_new_11 = ((*(struct big *)(klp_new_b))).argv;
  } else ((*(struct big *)(klp_new_b))).argv = 0;
  klp_h_new_12 = klp_new_b;
  klp_new_pa = (klp_p10_t)__CPROVER_allocate(sizeof(*pa), 0);
  memcpy((void *)klp_new_pa, (const void *)pa, sizeof(*pa));
  klp_h_new_13 = klp_new_pa;
  klp_new_many = (klp_p11_t)__CPROVER_allocate(sizeof(__typeof__(*(klp_p11_t)0)) * klp_len_many, 0);
  for (unsigned long klp_k_14 = 0; klp_k_14 < klp_len_many; klp_k_14++) memcpy((char *)klp_new_many + klp_k_14 * sizeof(klp_src_many[0]), (const void *)&klp_src_many[klp_k_14], sizeof(klp_src_many[0]));
  klp_h_new_14 = klp_new_many;
  klp_new_one = (klp_p13_t)__CPROVER_allocate(sizeof(*one), 0);
  memcpy((void *)klp_new_one, (const void *)one, sizeof(*one));
  klp_h_new_15 = klp_new_one;
  klp_new_e = (klp_p14_t)__CPROVER_allocate(sizeof(*e), 0);
  klp_h_new_16 = klp_new_e;
  klp_new_ae = (klp_p15_t)__CPROVER_allocate(sizeof(*ae), 0);
  memcpy((void *)klp_new_ae, (const void *)ae, sizeof(*ae));
  klp_h_new_17 = klp_new_ae;
  memcpy((void *)&klp_new_table, (const void *)&klp_src_15, sizeof(klp_old_table));
  klp_h_new_18 = &klp_new_table;
  memcpy((void *)&klp_new_names, (const void *)&klp_src_16, sizeof(klp_old_names));
  if (klp_c_17) {
  (klp_new_names)[0] = __CPROVER_allocate(sizeof(*((klp_src_16)[0])), 0);
  memcpy((void *)((klp_new_names)[0]), (const void *)((klp_src_16)[0]), sizeof(*((klp_src_16)[0])));
  klp_h_new_19 = (klp_new_names)[0];
  } else (klp_new_names)[0] = 0;
  if (klp_c_18) {
  (klp_new_names)[1] = __CPROVER_allocate(sizeof(*((klp_src_16)[1])), 0);
  memcpy((void *)((klp_new_names)[1]), (const void *)((klp_src_16)[1]), sizeof(*((klp_src_16)[1])));
  klp_h_new_20 = (klp_new_names)[1];
  } else (klp_new_names)[1] = 0;
  klp_h_new_21 = &klp_new_names;
  memcpy((void *)&klp_new_lots, (const void *)&klp_src_19, sizeof(klp_old_lots));
  klp_h_new_22 = &klp_new_lots;
  klp_h_new_23 = &klp_new_elock;
  /* entry reachability marker: the new version's cbmc safety run only */
  _Bool klp_w_0 = ((n == 1));
  __CPROVER_assume(klp_w_0);

  /* run each version */
  klp_ret_t klp_ret_old = klp_old_misc(a, ctx, cb, raw, rawlen, items, n, arr, m, b, pa, many, cnt, one, e, ae);
  klp_ret_t klp_ret_new = klp_new_misc(klp_new_a, klp_new_ctx, klp_new_cb, klp_new_raw, rawlen, klp_new_items, n, klp_new_arr, m, klp_new_b, klp_new_pa, klp_new_many, cnt, klp_new_one, klp_new_e, klp_new_ae);

  /* compare every observable, each as its own property */
  __typeof__((((klp_ret_old).v)[0]) + 0) klp_o_20 = (((klp_ret_old).v)[0]);
  __typeof__((((klp_ret_new).v)[0]) + 0) klp_n_20 = (((klp_ret_new).v)[0]);
  __typeof__((((klp_ret_old).v)[1]) + 0) klp_o_21 = (((klp_ret_old).v)[1]);
  __typeof__((((klp_ret_new).v)[1]) + 0) klp_n_21 = (((klp_ret_new).v)[1]);
  _Bool klp_eq_22 = 1; unsigned long klp_di_22 = 0;
  for (unsigned long klp_i_22 = 0; klp_i_22 < (unsigned long)(6); klp_i_22++) if (!((((klp_ret_old).big)[klp_i_22]) == (((klp_ret_new).big)[klp_i_22]))) { if (klp_eq_22) klp_di_22 = klp_i_22; klp_eq_22 = 0; }
  __typeof__(((klp_ret_old).big)[0] + 0) klp_o_22 = klp_eq_22 ? 0 : ((klp_ret_old).big)[klp_di_22];
  __typeof__(((klp_ret_new).big)[0] + 0) klp_n_22 = klp_eq_22 ? 0 : ((klp_ret_new).big)[klp_di_22];
  long long klp_o_23 = klp_abs((const void *)((klp_ret_old).p), 0);
  long long klp_n_23 = klp_abs((const void *)((klp_ret_new).p), 1);
  _Bool klp_same_0 = (klp_o_20 == klp_n_20 && klp_o_21 == klp_n_21 && klp_eq_22 && klp_o_23 == klp_n_23);
  __CPROVER_assert(0 || klp_same_0, "KLP_EQ 0 return");
  __typeof__((((*(anon_t *)(a))).a) + 0) klp_o_24 = (((*(anon_t *)(a))).a);
  __typeof__((((*(anon_t *)(klp_new_a))).a) + 0) klp_n_24 = (((*(anon_t *)(klp_new_a))).a);
  long long klp_o_25 = klp_abs((const void *)(((*(anon_t *)(a))).p), 0);
  long long klp_n_25 = klp_abs((const void *)(((*(anon_t *)(klp_new_a))).p), 1);
  _Bool klp_same_1 = klp_null_a || (klp_o_24 == klp_n_24 && klp_o_25 == klp_n_25);
  __CPROVER_assert(0 || klp_same_1, "KLP_EQ 1 memory *a");
  _Bool klp_eq_26 = 1; unsigned long klp_di_26 = 0;
  for (unsigned long klp_i_26 = 0; klp_i_26 < (unsigned long)(klp_len_raw); klp_i_26++) if (!(((((const unsigned char *)raw))[klp_i_26]) == ((((const unsigned char *)klp_new_raw))[klp_i_26]))) { if (klp_eq_26) klp_di_26 = klp_i_26; klp_eq_26 = 0; }
  __typeof__((((const unsigned char *)raw))[0] + 0) klp_o_26 = klp_eq_26 ? 0 : (((const unsigned char *)raw))[klp_di_26];
  __typeof__((((const unsigned char *)klp_new_raw))[0] + 0) klp_n_26 = klp_eq_26 ? 0 : (((const unsigned char *)klp_new_raw))[klp_di_26];
  _Bool klp_same_2 = (klp_eq_26);
  __CPROVER_assert(0 || klp_same_2, "KLP_EQ 2 memory raw[0..rawlen)");
  unsigned long klp_j_28;
  _Bool klp_eq_27 = 1; unsigned long klp_di_27 = 0;
  for (unsigned long klp_i_27 = 0; klp_i_27 < (unsigned long)(klp_len_items); klp_i_27++) if (!(((((items)[klp_i_27]).x) == (((klp_new_items)[klp_i_27]).x)) && (klp_abs((const void *)(((items)[klp_i_27]).name), 0) == klp_abs((const void *)(((klp_new_items)[klp_i_27]).name), 1)) && (klp_j_28 >= (unsigned long)(6) || (((((items)[klp_i_27]).grid)[klp_j_28]) == ((((klp_new_items)[klp_i_27]).grid)[klp_j_28]))) && ((((((items)[klp_i_27]).pair)[0]) == ((((klp_new_items)[klp_i_27]).pair)[0])) && (((((items)[klp_i_27]).pair)[1]) == ((((klp_new_items)[klp_i_27]).pair)[1]))) && (1) && (1) && (1))) { if (klp_eq_27) klp_di_27 = klp_i_27; klp_eq_27 = 0; }
  _Bool klp_same_3 = klp_null_items || (klp_eq_27);
  __CPROVER_assert(0 || klp_same_3, "KLP_EQ 3 memory items[0..n)");
  _Bool klp_eq_29 = 1; unsigned long klp_di_29 = 0;
  for (unsigned long klp_i_29 = 0; klp_i_29 < (unsigned long)(klp_len_arr); klp_i_29++) if (!(((((arr)[klp_i_29]).a) == (((klp_new_arr)[klp_i_29]).a)) && (klp_abs((const void *)(((arr)[klp_i_29]).p), 0) == klp_abs((const void *)(((klp_new_arr)[klp_i_29]).p), 1)))) { if (klp_eq_29) klp_di_29 = klp_i_29; klp_eq_29 = 0; }
  _Bool klp_same_4 = (klp_eq_29);
  __CPROVER_assert(0 || klp_same_4, "KLP_EQ 4 memory arr[0..m)");
  _Bool klp_eq_30 = 1; unsigned long klp_di_30 = 0;
  for (unsigned long klp_i_30 = 0; klp_i_30 < (unsigned long)(6); klp_i_30++) if (!(((((*(struct big *)(b))).arr)[klp_i_30]) == ((((*(struct big *)(klp_new_b))).arr)[klp_i_30]))) { if (klp_eq_30) klp_di_30 = klp_i_30; klp_eq_30 = 0; }
  __typeof__((((*(struct big *)(b))).arr)[0] + 0) klp_o_30 = klp_eq_30 ? 0 : (((*(struct big *)(b))).arr)[klp_di_30];
  __typeof__((((*(struct big *)(klp_new_b))).arr)[0] + 0) klp_n_30 = klp_eq_30 ? 0 : (((*(struct big *)(klp_new_b))).arr)[klp_di_30];
  __typeof__(((((*(struct big *)(b))).small)[0]) + 0) klp_o_31 = ((((*(struct big *)(b))).small)[0]);
  __typeof__(((((*(struct big *)(klp_new_b))).small)[0]) + 0) klp_n_31 = ((((*(struct big *)(klp_new_b))).small)[0]);
  __typeof__(((((*(struct big *)(b))).small)[1]) + 0) klp_o_32 = ((((*(struct big *)(b))).small)[1]);
  __typeof__(((((*(struct big *)(klp_new_b))).small)[1]) + 0) klp_n_32 = ((((*(struct big *)(klp_new_b))).small)[1]);
  long long klp_o_33 = klp_abs((const void *)((((*(struct big *)(b))).ptrs)[0]), 0);
  long long klp_n_33 = klp_abs((const void *)((((*(struct big *)(klp_new_b))).ptrs)[0]), 1);
  long long klp_o_34 = klp_abs((const void *)((((*(struct big *)(b))).ptrs)[1]), 0);
  long long klp_n_34 = klp_abs((const void *)((((*(struct big *)(klp_new_b))).ptrs)[1]), 1);
  _Bool klp_eq_35 = 1; unsigned long klp_di_35 = 0;
  for (unsigned long klp_i_35 = 0; klp_i_35 < (unsigned long)(6); klp_i_35++) if (!(klp_abs((const void *)((((*(struct big *)(b))).many)[klp_i_35]), 0) == klp_abs((const void *)((((*(struct big *)(klp_new_b))).many)[klp_i_35]), 1))) { if (klp_eq_35) klp_di_35 = klp_i_35; klp_eq_35 = 0; }
  __typeof__(((((*(struct big *)(b))).un).i) + 0) klp_o_36 = ((((*(struct big *)(b))).un).i);
  __typeof__(((((*(struct big *)(klp_new_b))).un).i) + 0) klp_n_36 = ((((*(struct big *)(klp_new_b))).un).i);
  long long klp_o_37 = klp_abs((const void *)((((*(struct big *)(b))).un).s), 0);
  long long klp_n_37 = klp_abs((const void *)((((*(struct big *)(klp_new_b))).un).s), 1);
  __typeof__((((*(struct big *)(b))).flag) + 0) klp_o_38 = (((*(struct big *)(b))).flag);
  __typeof__((((*(struct big *)(klp_new_b))).flag) + 0) klp_n_38 = (((*(struct big *)(klp_new_b))).flag);
  long long klp_o_39 = klp_abs((const void *)(((*(struct big *)(b))).fn), 0);
  long long klp_n_39 = klp_abs((const void *)(((*(struct big *)(klp_new_b))).fn), 1);
  long long klp_o_40 = klp_abs((const void *)(((*(struct big *)(b))).link), 0);
  long long klp_n_40 = klp_abs((const void *)(((*(struct big *)(klp_new_b))).link), 1);
  long long klp_o_41 = klp_abs((const void *)(((*(struct big *)(b))).argv), 0);
  long long klp_n_41 = klp_abs((const void *)(((*(struct big *)(klp_new_b))).argv), 1);
  _Bool klp_same_5 = (klp_eq_30 && klp_o_31 == klp_n_31 && klp_o_32 == klp_n_32 && klp_o_33 == klp_n_33 && klp_o_34 == klp_n_34 && klp_eq_35 && klp_o_36 == klp_n_36 && klp_o_37 == klp_n_37 && klp_o_38 == klp_n_38 && klp_o_39 == klp_n_39 && klp_o_40 == klp_n_40 && klp_o_41 == klp_n_41);
  __CPROVER_assert(0 || klp_same_5, "KLP_EQ 5 memory *b");
  __typeof__((((*(pa)))[0]) + 0) klp_o_42 = (((*(pa)))[0]);
  __typeof__((((*(klp_new_pa)))[0]) + 0) klp_n_42 = (((*(klp_new_pa)))[0]);
  __typeof__((((*(pa)))[1]) + 0) klp_o_43 = (((*(pa)))[1]);
  __typeof__((((*(klp_new_pa)))[1]) + 0) klp_n_43 = (((*(klp_new_pa)))[1]);
  __typeof__((((*(pa)))[2]) + 0) klp_o_44 = (((*(pa)))[2]);
  __typeof__((((*(klp_new_pa)))[2]) + 0) klp_n_44 = (((*(klp_new_pa)))[2]);
  __typeof__((((*(pa)))[3]) + 0) klp_o_45 = (((*(pa)))[3]);
  __typeof__((((*(klp_new_pa)))[3]) + 0) klp_n_45 = (((*(klp_new_pa)))[3]);
  _Bool klp_same_6 = (klp_o_42 == klp_n_42 && klp_o_43 == klp_n_43 && klp_o_44 == klp_n_44 && klp_o_45 == klp_n_45);
  __CPROVER_assert(0 || klp_same_6, "KLP_EQ 6 memory *pa");
  _Bool klp_eq_46 = 1; unsigned long klp_di_46 = 0;
  for (unsigned long klp_i_46 = 0; klp_i_46 < (unsigned long)(klp_len_many); klp_i_46++) if (!(((((many)[klp_i_46]).a) == (((klp_new_many)[klp_i_46]).a)) && ((((many)[klp_i_46]).b) == (((klp_new_many)[klp_i_46]).b)))) { if (klp_eq_46) klp_di_46 = klp_i_46; klp_eq_46 = 0; }
  _Bool klp_same_7 = (klp_eq_46);
  __CPROVER_assert(0 || klp_same_7, "KLP_EQ 7 memory many[0..cnt)");
  __typeof__((((*(one))).a) + 0) klp_o_47 = (((*(one))).a);
  __typeof__((((*(klp_new_one))).a) + 0) klp_n_47 = (((*(klp_new_one))).a);
  __typeof__((((*(one))).b) + 0) klp_o_48 = (((*(one))).b);
  __typeof__((((*(klp_new_one))).b) + 0) klp_n_48 = (((*(klp_new_one))).b);
  _Bool klp_same_8 = (klp_o_47 == klp_n_47 && klp_o_48 == klp_n_48);
  __CPROVER_assert(0 || klp_same_8, "KLP_EQ 8 memory *one");
  _Bool klp_same_9 = (1);
  __CPROVER_assert(0 || klp_same_9, "KLP_EQ 9 memory *e");
  _Bool klp_same_10 = (1);
  __CPROVER_assert(0 || klp_same_10, "KLP_EQ 10 memory *ae");
  _Bool klp_eq_49 = 1; unsigned long klp_di_49 = 0;
  for (unsigned long klp_i_49 = 0; klp_i_49 < (unsigned long)(8); klp_i_49++) if (!(((klp_old_table)[klp_i_49]) == ((klp_new_table)[klp_i_49]))) { if (klp_eq_49) klp_di_49 = klp_i_49; klp_eq_49 = 0; }
  __typeof__((klp_old_table)[0] + 0) klp_o_49 = klp_eq_49 ? 0 : (klp_old_table)[klp_di_49];
  __typeof__((klp_new_table)[0] + 0) klp_n_49 = klp_eq_49 ? 0 : (klp_new_table)[klp_di_49];
  _Bool klp_same_11 = (klp_eq_49);
  __CPROVER_assert(0 || klp_same_11, "KLP_EQ 11 global table");
  long long klp_o_50 = klp_abs((const void *)((klp_old_names)[0]), 0);
  long long klp_n_50 = klp_abs((const void *)((klp_new_names)[0]), 1);
  long long klp_o_51 = klp_abs((const void *)((klp_old_names)[1]), 0);
  long long klp_n_51 = klp_abs((const void *)((klp_new_names)[1]), 1);
  _Bool klp_same_12 = (klp_o_50 == klp_n_50 && klp_o_51 == klp_n_51);
  __CPROVER_assert(0 || klp_same_12, "KLP_EQ 12 global names");
  _Bool klp_eq_52 = 1; unsigned long klp_di_52 = 0;
  for (unsigned long klp_i_52 = 0; klp_i_52 < (unsigned long)(6); klp_i_52++) if (!(klp_abs((const void *)((klp_old_lots)[klp_i_52]), 0) == klp_abs((const void *)((klp_new_lots)[klp_i_52]), 1))) { if (klp_eq_52) klp_di_52 = klp_i_52; klp_eq_52 = 0; }
  _Bool klp_same_13 = (klp_eq_52);
  __CPROVER_assert(0 || klp_same_13, "KLP_EQ 13 global lots");
  _Bool klp_same_14 = (1);
  __CPROVER_assert(0 || klp_same_14, "KLP_EQ 14 global elock");
}

`

exports[`test/harness/plan.ts > TAP > rendered harness per mode (snapshots) > misc: opaque, function-pointer, array-pointer and anonymous-struct params, buffers of structs, a struct return — equiv — metadata 1`] = `
{
  "unwindset": [
    {
      "loop": "klp_harness.0",
      "bound": 3
    },
    {
      "loop": "klp_harness.1",
      "bound": 3
    },
    {
      "loop": "klp_harness.2",
      "bound": 3
    },
    {
      "loop": "klp_harness.3",
      "bound": 3
    },
    {
      "loop": "klp_harness.4",
      "bound": 3
    },
    {
      "loop": "klp_harness.5",
      "bound": 3
    },
    {
      "loop": "klp_harness.6",
      "bound": 3
    },
    {
      "loop": "klp_harness.7",
      "bound": 3
    },
    {
      "loop": "klp_harness.8",
      "bound": 7
    },
    {
      "loop": "klp_harness.9",
      "bound": 3
    },
    {
      "loop": "klp_harness.10",
      "bound": 3
    },
    {
      "loop": "klp_harness.11",
      "bound": 3
    },
    {
      "loop": "klp_harness.12",
      "bound": 7
    },
    {
      "loop": "klp_harness.13",
      "bound": 7
    },
    {
      "loop": "klp_harness.14",
      "bound": 3
    },
    {
      "loop": "klp_harness.15",
      "bound": 9
    },
    {
      "loop": "klp_harness.16",
      "bound": 7
    }
  ],
  "observables": [
    {
      "index": 0,
      "kind": "return",
      "label": "return",
      "leaves": [
        {
          "label": "return.v[0]",
          "oldVar": "klp_o_20",
          "newVar": "klp_n_20"
        },
        {
          "label": "return.v[1]",
          "oldVar": "klp_o_21",
          "newVar": "klp_n_21"
        },
        {
          "label": "return.p (pointer)",
          "oldVar": "klp_o_23",
          "newVar": "klp_n_23"
        }
      ],
      "arrayDiff": {
        "index": "klp_di_22",
        "oldVar": "klp_o_22",
        "newVar": "klp_n_22",
        "elem": "return.big"
      }
    },
    {
      "index": 1,
      "kind": "memory",
      "label": "memory *a",
      "leaves": [
        {
          "label": "a->a",
          "oldVar": "klp_o_24",
          "newVar": "klp_n_24"
        },
        {
          "label": "a->p (pointer)",
          "oldVar": "klp_o_25",
          "newVar": "klp_n_25"
        }
      ]
    },
    {
      "index": 2,
      "kind": "memory",
      "label": "memory raw[0..rawlen)",
      "leaves": [],
      "arrayDiff": {
        "index": "klp_di_26",
        "oldVar": "klp_o_26",
        "newVar": "klp_n_26",
        "elem": "raw[]"
      }
    },
    {
      "index": 3,
      "kind": "memory",
      "label": "memory items[0..n)",
      "leaves": [],
      "arrayDiff": {
        "index": "klp_di_27",
        "oldVar": "",
        "newVar": "",
        "elem": "items[]"
      }
    },
    {
      "index": 4,
      "kind": "memory",
      "label": "memory arr[0..m)",
      "leaves": [],
      "arrayDiff": {
        "index": "klp_di_29",
        "oldVar": "",
        "newVar": "",
        "elem": "arr[]"
      }
    },
    {
      "index": 5,
      "kind": "memory",
      "label": "memory *b",
      "leaves": [
        {
          "label": "b->small[0]",
          "oldVar": "klp_o_31",
          "newVar": "klp_n_31"
        },
        {
          "label": "b->small[1]",
          "oldVar": "klp_o_32",
          "newVar": "klp_n_32"
        },
        {
          "label": "b->ptrs[0] (pointer)",
          "oldVar": "klp_o_33",
          "newVar": "klp_n_33"
        },
        {
          "label": "b->ptrs[1] (pointer)",
          "oldVar": "klp_o_34",
          "newVar": "klp_n_34"
        },
        {
          "label": "b->un.i",
          "oldVar": "klp_o_36",
          "newVar": "klp_n_36"
        },
        {
          "label": "b->un.s (pointer)",
          "oldVar": "klp_o_37",
          "newVar": "klp_n_37"
        },
        {
          "label": "b->flag",
          "oldVar": "klp_o_38",
          "newVar": "klp_n_38"
        },
        {
          "label": "b->fn (pointer)",
          "oldVar": "klp_o_39",
          "newVar": "klp_n_39"
        },
        {
          "label": "b->link (pointer)",
          "oldVar": "klp_o_40",
          "newVar": "klp_n_40"
        },
        {
          "label": "b->argv (pointer)",
          "oldVar": "klp_o_41",
          "newVar": "klp_n_41"
        }
      ],
      "arrayDiff": {
        "index": "klp_di_35",
        "oldVar": "",
        "newVar": "",
        "elem": "b->many"
      }
    },
    {
      "index": 6,
      "kind": "memory",
      "label": "memory *pa",
      "leaves": [
        {
          "label": "*pa[0]",
          "oldVar": "klp_o_42",
          "newVar": "klp_n_42"
        },
        {
          "label": "*pa[1]",
          "oldVar": "klp_o_43",
          "newVar": "klp_n_43"
        },
        {
          "label": "*pa[2]",
          "oldVar": "klp_o_44",
          "newVar": "klp_n_44"
        },
        {
          "label": "*pa[3]",
          "oldVar": "klp_o_45",
          "newVar": "klp_n_45"
        }
      ]
    },
    {
      "index": 7,
      "kind": "memory",
      "label": "memory many[0..cnt)",
      "leaves": [],
      "arrayDiff": {
        "index": "klp_di_46",
        "oldVar": "",
        "newVar": "",
        "elem": "many[]"
      }
    },
    {
      "index": 8,
      "kind": "memory",
      "label": "memory *one",
      "leaves": [
        {
          "label": "one->a",
          "oldVar": "klp_o_47",
          "newVar": "klp_n_47"
        },
        {
          "label": "one->b",
          "oldVar": "klp_o_48",
          "newVar": "klp_n_48"
        }
      ]
    },
    {
      "index": 9,
      "kind": "memory",
      "label": "memory *e",
      "leaves": []
    },
    {
      "index": 10,
      "kind": "memory",
      "label": "memory *ae",
      "leaves": []
    },
    {
      "index": 11,
      "kind": "globals",
      "label": "global table",
      "leaves": [],
      "arrayDiff": {
        "index": "klp_di_49",
        "oldVar": "klp_o_49",
        "newVar": "klp_n_49",
        "elem": "table"
      }
    },
    {
      "index": 12,
      "kind": "globals",
      "label": "global names",
      "leaves": [
        {
          "label": "names[0] (pointer)",
          "oldVar": "klp_o_50",
          "newVar": "klp_n_50"
        },
        {
          "label": "names[1] (pointer)",
          "oldVar": "klp_o_51",
          "newVar": "klp_n_51"
        }
      ]
    },
    {
      "index": 13,
      "kind": "globals",
      "label": "global lots",
      "leaves": [],
      "arrayDiff": {
        "index": "klp_di_52",
        "oldVar": "",
        "newVar": "",
        "elem": "lots"
      }
    },
    {
      "index": 14,
      "kind": "globals",
      "label": "global elock",
      "leaves": []
    }
  ],
  "inputs": [
    {
      "label": "rawlen",
      "variable": "rawlen"
    },
    {
      "label": "n",
      "variable": "n"
    },
    {
      "label": "m",
      "variable": "m"
    },
    {
      "label": "cnt",
      "variable": "cnt"
    },
    {
      "label": "a == NULL",
      "variable": "klp_null_a"
    },
    {
      "label": "*a",
      "variable": "klp_src_a"
    },
    {
      "label": "ctx",
      "variable": "ctx"
    },
    {
      "label": "cb",
      "variable": "cb"
    },
    {
      "label": "raw[0..rawlen)",
      "variable": "klp_src_raw"
    },
    {
      "label": "items == NULL",
      "variable": "klp_null_items"
    },
    {
      "label": "items[0..n)",
      "variable": "klp_src_items"
    },
    {
      "label": "arr[0..m)",
      "variable": "klp_src_arr"
    },
    {
      "label": "*b",
      "variable": "klp_src_b"
    },
    {
      "label": "*pa",
      "variable": "klp_in_pa"
    },
    {
      "label": "many[0..cnt)",
      "variable": "klp_src_many"
    },
    {
      "label": "*one",
      "variable": "klp_in_one"
    },
    {
      "label": "*e",
      "variable": "klp_src_e"
    },
    {
      "label": "global table",
      "variable": "klp_src_15"
    },
    {
      "label": "global names",
      "variable": "klp_src_16"
    },
    {
      "label": "global lots",
      "variable": "klp_src_19"
    }
  ],
  "checks": "none",
  "bounds": [
    "0 <= rawlen <= 2 (elements of raw)",
    "0 <= n <= 2 (elements of items)",
    "0 <= m <= 2 (elements of arr)",
    "0 <= cnt <= 2 (elements of many)"
  ]
}
`

exports[`test/harness/plan.ts > TAP > rendered harness per mode (snapshots) > misc: opaque, function-pointer, array-pointer and anonymous-struct params, buffers of structs, a struct return — equiv 1`] = `
# 1 "<klp-harness>"
/*
 * klp-verify equivalence harness for misc()
 * mode: equivalence outside every claim
 * Generated; re-run by hand with the command in cbmc-command.txt.
 */
void *memcpy(void *, const void *, unsigned long);
void *memset(void *, int, unsigned long);
typedef anon_t *klp_p0_t;
typedef void *klp_p1_t;
typedef int (*klp_p2_t)(int);
typedef void *klp_p3_t;
typedef unsigned klp_p4_t;
typedef struct rec *klp_p5_t;
typedef unsigned klp_p6_t;
typedef anon_t *klp_p7_t;
typedef unsigned klp_p8_t;
typedef struct big *klp_p9_t;
typedef int (*klp_p10_t)[4];
typedef anonp_t klp_p11_t;
typedef unsigned klp_p12_t;
typedef anonp_t klp_p13_t;
typedef struct empty *klp_p14_t;
typedef anonempty_t klp_p15_t;
typedef struct ret klp_ret_t;
extern klp_ret_t klp_new_misc(klp_p0_t, klp_p1_t, klp_p2_t, klp_p3_t, klp_p4_t, klp_p5_t, klp_p6_t, klp_p7_t, klp_p8_t, klp_p9_t, klp_p10_t, klp_p11_t, klp_p12_t, klp_p13_t, klp_p14_t, klp_p15_t);
extern int klp_new_table[8];
extern char *klp_new_names[2];
extern char *klp_new_lots[6];
extern struct empty klp_new_elock;
static const void *klp_h_old_1;
static const void *klp_h_new_1;
static const void *klp_h_old_2;
static const void *klp_h_new_2;
static const void *klp_h_old_3;
static const void *klp_h_new_3;
static const void *klp_h_old_4;
static const void *klp_h_new_4;
static const void *klp_h_old_5;
static const void *klp_h_new_5;
static const void *klp_h_old_6;
static const void *klp_h_new_6;
static const void *klp_h_old_7;
static const void *klp_h_new_7;
static const void *klp_h_old_8;
static const void *klp_h_new_8;
static const void *klp_h_old_9;
static const void *klp_h_new_9;
static const void *klp_h_old_10;
static const void *klp_h_new_10;
static const void *klp_h_old_11;
static const void *klp_h_new_11;
static const void *klp_h_old_12;
static const void *klp_h_new_12;
static const void *klp_h_old_13;
static const void *klp_h_new_13;
static const void *klp_h_old_14;
static const void *klp_h_new_14;
static const void *klp_h_old_15;
static const void *klp_h_new_15;
static const void *klp_h_old_16;
static const void *klp_h_new_16;
static const void *klp_h_old_17;
static const void *klp_h_new_17;
static const void *klp_h_old_18;
static const void *klp_h_new_18;
static const void *klp_h_old_19;
static const void *klp_h_new_19;
static const void *klp_h_old_20;
static const void *klp_h_new_20;
static const void *klp_h_old_21;
static const void *klp_h_new_21;
static const void *klp_h_old_22;
static const void *klp_h_new_22;
static const void *klp_h_old_23;
static const void *klp_h_new_23;
static char klp_opaque_old[1][64];
static char klp_opaque_new[1][64];
static long long klp_abs(const void *q, int v) {
  if (q == 0) return 0;
  if (__CPROVER_same_object(q, v ? klp_h_new_1 : klp_h_old_1)) return 1LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_2 : klp_h_old_2)) return 2LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_3 : klp_h_old_3)) return 3LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_4 : klp_h_old_4)) return 4LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_5 : klp_h_old_5)) return 5LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_6 : klp_h_old_6)) return 6LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_7 : klp_h_old_7)) return 7LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_8 : klp_h_old_8)) return 8LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_9 : klp_h_old_9)) return 9LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_10 : klp_h_old_10)) return 10LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_11 : klp_h_old_11)) return 11LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_12 : klp_h_old_12)) return 12LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_13 : klp_h_old_13)) return 13LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_14 : klp_h_old_14)) return 14LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_15 : klp_h_old_15)) return 15LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_16 : klp_h_old_16)) return 16LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_17 : klp_h_old_17)) return 17LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_18 : klp_h_old_18)) return 18LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_19 : klp_h_old_19)) return 19LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_20 : klp_h_old_20)) return 20LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_21 : klp_h_old_21)) return 21LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_22 : klp_h_old_22)) return 22LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_23 : klp_h_old_23)) return 23LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? (const void *)klp_opaque_new : (const void *)klp_opaque_old)) return -2LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  return -1;
}

void klp_harness(void)
{
  /* shared nondeterministic inputs and assumptions */
  klp_p4_t rawlen;
  klp_p6_t n;
  klp_p8_t m;
  klp_p12_t cnt;
  klp_p0_t a = 0;
  klp_p0_t klp_new_a = 0;
  _Bool klp_null_a;
  klp_p1_t ctx = 0;
  klp_p1_t klp_new_ctx = 0;
  unsigned char klp_opaque_in_0[64];
  memcpy(klp_opaque_old[0], klp_opaque_in_0, 64); memcpy(klp_opaque_new[0], klp_opaque_in_0, 64);
  ctx = (klp_p1_t)klp_opaque_old[0]; klp_new_ctx = (klp_p1_t)klp_opaque_new[0];
  klp_p2_t cb = 0;
  klp_p2_t klp_new_cb = 0;
  klp_p3_t raw = 0;
  klp_p3_t klp_new_raw = 0;
  __CPROVER_assume(((rawlen)) >= 0 && ((rawlen)) <= 2);
  unsigned long klp_len_raw = (unsigned long)((rawlen));
  unsigned char klp_src_raw[2];
  klp_p5_t items = 0;
  klp_p5_t klp_new_items = 0;
  _Bool klp_null_items;
  __CPROVER_assume(((n)) >= 0 && ((n)) <= 2);
  unsigned long klp_len_items = (unsigned long)((n));
  struct rec klp_src_items[2];
  memset((void *)klp_src_items, 0, sizeof(klp_src_items));
  klp_p7_t arr = 0;
  klp_p7_t klp_new_arr = 0;
  __CPROVER_assume(((m)) >= 0 && ((m)) <= 2);
  unsigned long klp_len_arr = (unsigned long)((m));
  anon_t klp_src_arr[2];
  memset((void *)klp_src_arr, 0, sizeof(klp_src_arr));
  klp_p9_t b = 0;
  klp_p9_t klp_new_b = 0;
  klp_p10_t pa = 0;
  klp_p10_t klp_new_pa = 0;
  klp_p11_t many = 0;
  klp_p11_t klp_new_many = 0;
  __CPROVER_assume(((cnt)) >= 0 && ((cnt)) <= 2);
  unsigned long klp_len_many = (unsigned long)((cnt));
  __typeof__(*(klp_p11_t)0) klp_src_many[2];
  klp_p13_t one = 0;
  klp_p13_t klp_new_one = 0;
  klp_p14_t e = 0;
  klp_p14_t klp_new_e = 0;
  klp_p15_t ae = 0;
  klp_p15_t klp_new_ae = 0;
  anon_t klp_src_a;
  _Bool klp_c_0;
  struct big klp_src_b;
  _Bool klp_c_7;
  _Bool klp_c_8;
  _Bool klp_c_9;
  _Bool klp_c_10;
  _Bool klp_c_11;
  _Bool klp_c_12;
  struct empty klp_src_e;
  __typeof__(klp_old_table) klp_src_15;
  __typeof__(klp_old_names) klp_src_16;
  _Bool klp_c_17;
  _Bool klp_c_18;
  __typeof__(klp_old_lots) klp_src_19;

  /* the same entry state for each version, in separate objects */
  if (klp_c_0) {
  (klp_src_a).p = __CPROVER_allocate(sizeof(*((klp_src_a).p)), 0);
  klp_h_old_1 = (klp_src_a).p;
  } else (klp_src_a).p = 0;
  if (!klp_null_a) {
  a = (klp_p0_t)__CPROVER_allocate(sizeof(*a), 0);
  *(anon_t *)a = klp_src_a;
  klp_h_old_2 = a;
  }
  raw = (klp_p3_t)__CPROVER_allocate(sizeof(unsigned char) * klp_len_raw, 0);
  for (unsigned long klp_k_1 = 0; klp_k_1 < klp_len_raw; klp_k_1++) ((unsigned char *)raw)[klp_k_1] = klp_src_raw[klp_k_1];
  klp_h_old_3 = raw;
  if (!klp_null_items) {
  items = (klp_p5_t)__CPROVER_allocate(sizeof(struct rec) * klp_len_items, 0);
  for (unsigned long klp_k_3 = 0; klp_k_3 < klp_len_items; klp_k_3++) ((struct rec *)items)[klp_k_3] = klp_src_items[klp_k_3];
  }
  klp_h_old_4 = items;
  arr = (klp_p7_t)__CPROVER_allocate(sizeof(anon_t) * klp_len_arr, 0);
  for (unsigned long klp_k_5 = 0; klp_k_5 < klp_len_arr; klp_k_5++) ((anon_t *)arr)[klp_k_5] = klp_src_arr[klp_k_5];
  klp_h_old_5 = arr;
  if (klp_c_7) {
  ((klp_src_b).ptrs)[0] = __CPROVER_allocate(sizeof(*(((klp_src_b).ptrs)[0])), 0);
  klp_h_old_6 = ((klp_src_b).ptrs)[0];
  } else ((klp_src_b).ptrs)[0] = 0;
  if (klp_c_8) {
  ((klp_src_b).ptrs)[1] = __CPROVER_allocate(sizeof(*(((klp_src_b).ptrs)[1])), 0);
  klp_h_old_7 = ((klp_src_b).ptrs)[1];
  } else ((klp_src_b).ptrs)[1] = 0;
  memset((void *)&((klp_src_b).many), 0, sizeof((klp_src_b).many));
  memset((void *)&((klp_src_b).un), 0, sizeof((klp_src_b).un));
  (klp_src_b).fn = 0;
  if (klp_c_9) {
  (klp_src_b).link = __CPROVER_allocate(sizeof(*((klp_src_b).link)), 0);
  if (klp_c_10) {
  ((*(struct rec *)((klp_src_b).link))).name = __CPROVER_allocate(sizeof(*(((*(struct rec *)((klp_src_b).link))).name)), 0);
  klp_h_old_8 = ((*(struct rec *)((klp_src_b).link))).name;
  } else ((*(struct rec *)((klp_src_b).link))).name = 0;
  klp_h_old_9 = (klp_src_b).link;
  } else (klp_src_b).link = 0;
  if (klp_c_11) {
  (klp_src_b).argv = __CPROVER_allocate(sizeof(*((klp_src_b).argv)), 0);
  if (klp_c_12) {
  (*(char * *)((klp_src_b).argv)) = __CPROVER_allocate(sizeof(*((*(char * *)((klp_src_b).argv)))), 0);
  klp_h_old_10 = (*(char * *)((klp_src_b).argv));
  } else (*(char * *)((klp_src_b).argv)) = 0;
  klp_h_old_11 = (klp_src_b).argv;
  } else (klp_src_b).argv = 0;
  b = (klp_p9_t)__CPROVER_allocate(sizeof(*b), 0);
  *(struct big *)b = klp_src_b;
  klp_h_old_12 = b;
  pa = (klp_p10_t)__CPROVER_allocate(sizeof(*pa), 0);
  klp_h_old_13 = pa;
  __typeof__(*pa) klp_in_pa; memcpy((void *)&klp_in_pa, (const void *)pa, sizeof(klp_in_pa));
  many = (klp_p11_t)__CPROVER_allocate(sizeof(__typeof__(*(klp_p11_t)0)) * klp_len_many, 0);
  for (unsigned long klp_k_13 = 0; klp_k_13 < klp_len_many; klp_k_13++) memcpy((char *)many + klp_k_13 * sizeof(klp_src_many[0]), (const void *)&klp_src_many[klp_k_13], sizeof(klp_src_many[0]));
  klp_h_old_14 = many;
  one = (klp_p13_t)__CPROVER_allocate(sizeof(*one), 0);
  klp_h_old_15 = one;
  __typeof__(*one) klp_in_one = *one;
  e = (klp_p14_t)__CPROVER_allocate(sizeof(*e), 0);
  klp_h_old_16 = e;
  ae = (klp_p15_t)__CPROVER_allocate(sizeof(*ae), 0);
  klp_h_old_17 = ae;
  memcpy((void *)&klp_old_table, (const void *)&klp_src_15, sizeof(klp_old_table));
  klp_h_old_18 = &klp_old_table;
  if (klp_c_17) {
  (klp_src_16)[0] = __CPROVER_allocate(sizeof(*((klp_src_16)[0])), 0);
  klp_h_old_19 = (klp_src_16)[0];
  } else (klp_src_16)[0] = 0;
  if (klp_c_18) {
  (klp_src_16)[1] = __CPROVER_allocate(sizeof(*((klp_src_16)[1])), 0);
  klp_h_old_20 = (klp_src_16)[1];
  } else (klp_src_16)[1] = 0;
  memcpy((void *)&klp_old_names, (const void *)&klp_src_16, sizeof(klp_old_names));
  klp_h_old_21 = &klp_old_names;
  memset((void *)&(klp_src_19), 0, sizeof(klp_src_19));
  memcpy((void *)&klp_old_lots, (const void *)&klp_src_19, sizeof(klp_old_lots));
  klp_h_old_22 = &klp_old_lots;
  klp_h_old_23 = &klp_old_elock;
  if (!klp_null_a) {
  klp_new_a = (klp_p0_t)__CPROVER_allocate(sizeof(*a), 0);
  *(anon_t *)klp_new_a = klp_src_a;
  if (klp_c_0) {
  ((*(anon_t *)(klp_new_a))).p = __CPROVER_allocate(sizeof(*((klp_src_a).p)), 0);
  memcpy((void *)(((*(anon_t *)(klp_new_a))).p), (const void *)((klp_src_a).p), sizeof(*((klp_src_a).p)));
  klp_h_new_1 = ((*(anon_t *)(klp_new_a))).p;
  } else ((*(anon_t *)(klp_new_a))).p = 0;
  klp_h_new_2 = klp_new_a;
  }
  klp_new_raw = (klp_p3_t)__CPROVER_allocate(sizeof(unsigned char) * klp_len_raw, 0);
  for (unsigned long klp_k_2 = 0; klp_k_2 < klp_len_raw; klp_k_2++) ((unsigned char *)klp_new_raw)[klp_k_2] = klp_src_raw[klp_k_2];
  klp_h_new_3 = klp_new_raw;
  if (!klp_null_items) {
  klp_new_items = (klp_p5_t)__CPROVER_allocate(sizeof(struct rec) * klp_len_items, 0);
  for (unsigned long klp_k_4 = 0; klp_k_4 < klp_len_items; klp_k_4++) ((struct rec *)klp_new_items)[klp_k_4] = klp_src_items[klp_k_4];
  }
  klp_h_new_4 = klp_new_items;
  klp_new_arr = (klp_p7_t)__CPROVER_allocate(sizeof(anon_t) * klp_len_arr, 0);
  for (unsigned long klp_k_6 = 0; klp_k_6 < klp_len_arr; klp_k_6++) ((anon_t *)klp_new_arr)[klp_k_6] = klp_src_arr[klp_k_6];
  klp_h_new_5 = klp_new_arr;
  klp_new_b = (klp_p9_t)__CPROVER_allocate(sizeof(*b), 0);
  *(struct big *)klp_new_b = klp_src_b;
  if (klp_c_7) {
  (((*(struct big *)(klp_new_b))).ptrs)[0] = __CPROVER_allocate(sizeof(*(((klp_src_b).ptrs)[0])), 0);
  memcpy((void *)((((*(struct big *)(klp_new_b))).ptrs)[0]), (const void *)(((klp_src_b).ptrs)[0]), sizeof(*(((klp_src_b).ptrs)[0])));
  klp_h_new_6 = (((*(struct big *)(klp_new_b))).ptrs)[0];
  } else (((*(struct big *)(klp_new_b))).ptrs)[0] = 0;
  if (klp_c_8) {
  (((*(struct big *)(klp_new_b))).ptrs)[1] = __CPROVER_allocate(sizeof(*(((klp_src_b).ptrs)[1])), 0);
  memcpy((void *)((((*(struct big *)(klp_new_b))).ptrs)[1]), (const void *)(((klp_src_b).ptrs)[1]), sizeof(*(((klp_src_b).ptrs)[1])));
  klp_h_new_7 = (((*(struct big *)(klp_new_b))).ptrs)[1];
  } else (((*(struct big *)(klp_new_b))).ptrs)[1] = 0;
  if (klp_c_9) {
  ((*(struct big *)(klp_new_b))).link = __CPROVER_allocate(sizeof(*((klp_src_b).link)), 0);
  memcpy((void *)(((*(struct big *)(klp_new_b))).link), (const void *)((klp_src_b).link), sizeof(*((klp_src_b).link)));
  if (klp_c_10) {
  ((*(struct rec *)(((*(struct big *)(klp_new_b))).link))).name = __CPROVER_allocate(sizeof(*(((*(struct rec *)((klp_src_b).link))).name)), 0);
  memcpy((void *)(((*(struct rec *)(((*(struct big *)(klp_new_b))).link))).name), (const void *)(((*(struct rec *)((klp_src_b).link))).name), sizeof(*(((*(struct rec *)((klp_src_b).link))).name)));
  klp_h_new_8 = ((*(struct rec *)(((*(struct big *)(klp_new_b))).link))).name;
  } else ((*(struct rec *)(((*(struct big *)(klp_new_b))).link))).name = 0;
  klp_h_new_9 = ((*(struct big *)(klp_new_b))).link;
  } else ((*(struct big *)(klp_new_b))).link = 0;
  if (klp_c_11) {
  ((*(struct big *)(klp_new_b))).argv = __CPROVER_allocate(sizeof(*((klp_src_b).argv)), 0);
  memcpy((void *)(((*(struct big *)(klp_new_b))).argv), (const void *)((klp_src_b).argv), sizeof(*((klp_src_b).argv)));
  if (klp_c_12) {
  (*(char * *)(((*(struct big *)(klp_new_b))).argv)) = __CPROVER_allocate(sizeof(*((*(char * *)((klp_src_b).argv)))), 0);
  memcpy((void *)((*(char * *)(((*(struct big *)(klp_new_b))).argv))), (const void *)((*(char * *)((klp_src_b).argv))), sizeof(*((*(char * *)((klp_src_b).argv)))));
  klp_h_new_10 = (*(char * *)(((*(struct big *)(klp_new_b))).argv));
  } else (*(char * *)(((*(struct big *)(klp_new_b))).argv)) = 0;
  klp_h_new_11 = ((*(struct big *)(klp_new_b))).argv;
  } else ((*(struct big *)(klp_new_b))).argv = 0;
  klp_h_new_12 = klp_new_b;
  klp_new_pa = (klp_p10_t)__CPROVER_allocate(sizeof(*pa), 0);
  memcpy((void *)klp_new_pa, (const void *)pa, sizeof(*pa));
  klp_h_new_13 = klp_new_pa;
  klp_new_many = (klp_p11_t)__CPROVER_allocate(sizeof(__typeof__(*(klp_p11_t)0)) * klp_len_many, 0);
  for (unsigned long klp_k_14 = 0; klp_k_14 < klp_len_many; klp_k_14++) memcpy((char *)klp_new_many + klp_k_14 * sizeof(klp_src_many[0]), (const void *)&klp_src_many[klp_k_14], sizeof(klp_src_many[0]));
  klp_h_new_14 = klp_new_many;
  klp_new_one = (klp_p13_t)__CPROVER_allocate(sizeof(*one), 0);
  memcpy((void *)klp_new_one, (const void *)one, sizeof(*one));
  klp_h_new_15 = klp_new_one;
  klp_new_e = (klp_p14_t)__CPROVER_allocate(sizeof(*e), 0);
  klp_h_new_16 = klp_new_e;
  klp_new_ae = (klp_p15_t)__CPROVER_allocate(sizeof(*ae), 0);
  memcpy((void *)klp_new_ae, (const void *)ae, sizeof(*ae));
  klp_h_new_17 = klp_new_ae;
  memcpy((void *)&klp_new_table, (const void *)&klp_src_15, sizeof(klp_old_table));
  klp_h_new_18 = &klp_new_table;
  memcpy((void *)&klp_new_names, (const void *)&klp_src_16, sizeof(klp_old_names));
  if (klp_c_17) {
  (klp_new_names)[0] = __CPROVER_allocate(sizeof(*((klp_src_16)[0])), 0);
  memcpy((void *)((klp_new_names)[0]), (const void *)((klp_src_16)[0]), sizeof(*((klp_src_16)[0])));
  klp_h_new_19 = (klp_new_names)[0];
  } else (klp_new_names)[0] = 0;
  if (klp_c_18) {
  (klp_new_names)[1] = __CPROVER_allocate(sizeof(*((klp_src_16)[1])), 0);
  memcpy((void *)((klp_new_names)[1]), (const void *)((klp_src_16)[1]), sizeof(*((klp_src_16)[1])));
  klp_h_new_20 = (klp_new_names)[1];
  } else (klp_new_names)[1] = 0;
  klp_h_new_21 = &klp_new_names;
  memcpy((void *)&klp_new_lots, (const void *)&klp_src_19, sizeof(klp_old_lots));
  klp_h_new_22 = &klp_new_lots;
  klp_h_new_23 = &klp_new_elock;
  /* entry reachability marker: the new version's cbmc safety run only */
  _Bool klp_w_0 = ((n == 1));
  __CPROVER_assume(!klp_w_0);

  /* run each version */
  klp_ret_t klp_ret_old = klp_old_misc(a, ctx, cb, raw, rawlen, items, n, arr, m, b, pa, many, cnt, one, e, ae);
  klp_ret_t klp_ret_new = klp_new_misc(klp_new_a, klp_new_ctx, klp_new_cb, klp_new_raw, rawlen, klp_new_items, n, klp_new_arr, m, klp_new_b, klp_new_pa, klp_new_many, cnt, klp_new_one, klp_new_e, klp_new_ae);

  /* compare every observable, each as its own property */
  __typeof__((((klp_ret_old).v)[0]) + 0) klp_o_20 = (((klp_ret_old).v)[0]);
  __typeof__((((klp_ret_new).v)[0]) + 0) klp_n_20 = (((klp_ret_new).v)[0]);
  __typeof__((((klp_ret_old).v)[1]) + 0) klp_o_21 = (((klp_ret_old).v)[1]);
  __typeof__((((klp_ret_new).v)[1]) + 0) klp_n_21 = (((klp_ret_new).v)[1]);
  _Bool klp_eq_22 = 1; unsigned long klp_di_22 = 0;
  for (unsigned long klp_i_22 = 0; klp_i_22 < (unsigned long)(6); klp_i_22++) if (!((((klp_ret_old).big)[klp_i_22]) == (((klp_ret_new).big)[klp_i_22]))) { if (klp_eq_22) klp_di_22 = klp_i_22; klp_eq_22 = 0; }
  __typeof__(((klp_ret_old).big)[0] + 0) klp_o_22 = klp_eq_22 ? 0 : ((klp_ret_old).big)[klp_di_22];
  __typeof__(((klp_ret_new).big)[0] + 0) klp_n_22 = klp_eq_22 ? 0 : ((klp_ret_new).big)[klp_di_22];
  long long klp_o_23 = klp_abs((const void *)((klp_ret_old).p), 0);
  long long klp_n_23 = klp_abs((const void *)((klp_ret_new).p), 1);
  _Bool klp_same_0 = (klp_o_20 == klp_n_20 && klp_o_21 == klp_n_21 && klp_eq_22 && klp_o_23 == klp_n_23);
  __CPROVER_assert(0 || klp_same_0, "KLP_EQ 0 return");
  __typeof__((((*(anon_t *)(a))).a) + 0) klp_o_24 = (((*(anon_t *)(a))).a);
  __typeof__((((*(anon_t *)(klp_new_a))).a) + 0) klp_n_24 = (((*(anon_t *)(klp_new_a))).a);
  long long klp_o_25 = klp_abs((const void *)(((*(anon_t *)(a))).p), 0);
  long long klp_n_25 = klp_abs((const void *)(((*(anon_t *)(klp_new_a))).p), 1);
  _Bool klp_same_1 = klp_null_a || (klp_o_24 == klp_n_24 && klp_o_25 == klp_n_25);
  __CPROVER_assert(0 || klp_same_1, "KLP_EQ 1 memory *a");
  _Bool klp_eq_26 = 1; unsigned long klp_di_26 = 0;
  for (unsigned long klp_i_26 = 0; klp_i_26 < (unsigned long)(klp_len_raw); klp_i_26++) if (!(((((const unsigned char *)raw))[klp_i_26]) == ((((const unsigned char *)klp_new_raw))[klp_i_26]))) { if (klp_eq_26) klp_di_26 = klp_i_26; klp_eq_26 = 0; }
  __typeof__((((const unsigned char *)raw))[0] + 0) klp_o_26 = klp_eq_26 ? 0 : (((const unsigned char *)raw))[klp_di_26];
  __typeof__((((const unsigned char *)klp_new_raw))[0] + 0) klp_n_26 = klp_eq_26 ? 0 : (((const unsigned char *)klp_new_raw))[klp_di_26];
  _Bool klp_same_2 = (klp_eq_26);
  __CPROVER_assert(0 || klp_same_2, "KLP_EQ 2 memory raw[0..rawlen)");
  unsigned long klp_j_28;
  _Bool klp_eq_27 = 1; unsigned long klp_di_27 = 0;
  for (unsigned long klp_i_27 = 0; klp_i_27 < (unsigned long)(klp_len_items); klp_i_27++) if (!(((((items)[klp_i_27]).x) == (((klp_new_items)[klp_i_27]).x)) && (klp_abs((const void *)(((items)[klp_i_27]).name), 0) == klp_abs((const void *)(((klp_new_items)[klp_i_27]).name), 1)) && (klp_j_28 >= (unsigned long)(6) || (((((items)[klp_i_27]).grid)[klp_j_28]) == ((((klp_new_items)[klp_i_27]).grid)[klp_j_28]))) && ((((((items)[klp_i_27]).pair)[0]) == ((((klp_new_items)[klp_i_27]).pair)[0])) && (((((items)[klp_i_27]).pair)[1]) == ((((klp_new_items)[klp_i_27]).pair)[1]))) && (1) && (1) && (1))) { if (klp_eq_27) klp_di_27 = klp_i_27; klp_eq_27 = 0; }
  _Bool klp_same_3 = klp_null_items || (klp_eq_27);
  __CPROVER_assert(0 || klp_same_3, "KLP_EQ 3 memory items[0..n)");
  _Bool klp_eq_29 = 1; unsigned long klp_di_29 = 0;
  for (unsigned long klp_i_29 = 0; klp_i_29 < (unsigned long)(klp_len_arr); klp_i_29++) if (!(((((arr)[klp_i_29]).a) == (((klp_new_arr)[klp_i_29]).a)) && (klp_abs((const void *)(((arr)[klp_i_29]).p), 0) == klp_abs((const void *)(((klp_new_arr)[klp_i_29]).p), 1)))) { if (klp_eq_29) klp_di_29 = klp_i_29; klp_eq_29 = 0; }
  _Bool klp_same_4 = (klp_eq_29);
  __CPROVER_assert(0 || klp_same_4, "KLP_EQ 4 memory arr[0..m)");
  _Bool klp_eq_30 = 1; unsigned long klp_di_30 = 0;
  for (unsigned long klp_i_30 = 0; klp_i_30 < (unsigned long)(6); klp_i_30++) if (!(((((*(struct big *)(b))).arr)[klp_i_30]) == ((((*(struct big *)(klp_new_b))).arr)[klp_i_30]))) { if (klp_eq_30) klp_di_30 = klp_i_30; klp_eq_30 = 0; }
  __typeof__((((*(struct big *)(b))).arr)[0] + 0) klp_o_30 = klp_eq_30 ? 0 : (((*(struct big *)(b))).arr)[klp_di_30];
  __typeof__((((*(struct big *)(klp_new_b))).arr)[0] + 0) klp_n_30 = klp_eq_30 ? 0 : (((*(struct big *)(klp_new_b))).arr)[klp_di_30];
  __typeof__(((((*(struct big *)(b))).small)[0]) + 0) klp_o_31 = ((((*(struct big *)(b))).small)[0]);
  __typeof__(((((*(struct big *)(klp_new_b))).small)[0]) + 0) klp_n_31 = ((((*(struct big *)(klp_new_b))).small)[0]);
  __typeof__(((((*(struct big *)(b))).small)[1]) + 0) klp_o_32 = ((((*(struct big *)(b))).small)[1]);
  __typeof__(((((*(struct big *)(klp_new_b))).small)[1]) + 0) klp_n_32 = ((((*(struct big *)(klp_new_b))).small)[1]);
  long long klp_o_33 = klp_abs((const void *)((((*(struct big *)(b))).ptrs)[0]), 0);
  long long klp_n_33 = klp_abs((const void *)((((*(struct big *)(klp_new_b))).ptrs)[0]), 1);
  long long klp_o_34 = klp_abs((const void *)((((*(struct big *)(b))).ptrs)[1]), 0);
  long long klp_n_34 = klp_abs((const void *)((((*(struct big *)(klp_new_b))).ptrs)[1]), 1);
  _Bool klp_eq_35 = 1; unsigned long klp_di_35 = 0;
  for (unsigned long klp_i_35 = 0; klp_i_35 < (unsigned long)(6); klp_i_35++) if (!(klp_abs((const void *)((((*(struct big *)(b))).many)[klp_i_35]), 0) == klp_abs((const void *)((((*(struct big *)(klp_new_b))).many)[klp_i_35]), 1))) { if (klp_eq_35) klp_di_35 = klp_i_35; klp_eq_35 = 0; }
  __typeof__(((((*(struct big *)(b))).un).i) + 0) klp_o_36 = ((((*(struct big *)(b))).un).i);
  __typeof__(((((*(struct big *)(klp_new_b))).un).i) + 0) klp_n_36 = ((((*(struct big *)(klp_new_b))).un).i);
  long long klp_o_37 = klp_abs((const void *)((((*(struct big *)(b))).un).s), 0);
  long long klp_n_37 = klp_abs((const void *)((((*(struct big *)(klp_new_b))).un).s), 1);
  __typeof__((((*(struct big *)(b))).flag) + 0) klp_o_38 = (((*(struct big *)(b))).flag);
  __typeof__((((*(struct big *)(klp_new_b))).flag) + 0) klp_n_38 = (((*(struct big *)(klp_new_b))).flag);
  long long klp_o_39 = klp_abs((const void *)(((*(struct big *)(b))).fn), 0);
  long long klp_n_39 = klp_abs((const void *)(((*(struct big *)(klp_new_b))).fn), 1);
  long long klp_o_40 = klp_abs((const void *)(((*(struct big *)(b))).link), 0);
  long long klp_n_40 = klp_abs((const void *)(((*(struct big *)(klp_new_b))).link), 1);
  long long klp_o_41 = klp_abs((const void *)(((*(struct big *)(b))).argv), 0);
  long long klp_n_41 = klp_abs((const void *)(((*(struct big *)(klp_new_b))).argv), 1);
  _Bool klp_same_5 = (klp_eq_30 && klp_o_31 == klp_n_31 && klp_o_32 == klp_n_32 && klp_o_33 == klp_n_33 && klp_o_34 == klp_n_34 && klp_eq_35 && klp_o_36 == klp_n_36 && klp_o_37 == klp_n_37 && klp_o_38 == klp_n_38 && klp_o_39 == klp_n_39 && klp_o_40 == klp_n_40 && klp_o_41 == klp_n_41);
  __CPROVER_assert(0 || klp_same_5, "KLP_EQ 5 memory *b");
  __typeof__((((*(pa)))[0]) + 0) klp_o_42 = (((*(pa)))[0]);
  __typeof__((((*(klp_new_pa)))[0]) + 0) klp_n_42 = (((*(klp_new_pa)))[0]);
  __typeof__((((*(pa)))[1]) + 0) klp_o_43 = (((*(pa)))[1]);
  __typeof__((((*(klp_new_pa)))[1]) + 0) klp_n_43 = (((*(klp_new_pa)))[1]);
  __typeof__((((*(pa)))[2]) + 0) klp_o_44 = (((*(pa)))[2]);
  __typeof__((((*(klp_new_pa)))[2]) + 0) klp_n_44 = (((*(klp_new_pa)))[2]);
  __typeof__((((*(pa)))[3]) + 0) klp_o_45 = (((*(pa)))[3]);
  __typeof__((((*(klp_new_pa)))[3]) + 0) klp_n_45 = (((*(klp_new_pa)))[3]);
  _Bool klp_same_6 = (klp_o_42 == klp_n_42 && klp_o_43 == klp_n_43 && klp_o_44 == klp_n_44 && klp_o_45 == klp_n_45);
  __CPROVER_assert(0 || klp_same_6, "KLP_EQ 6 memory *pa");
  _Bool klp_eq_46 = 1; unsigned long klp_di_46 = 0;
  for (unsigned long klp_i_46 = 0; klp_i_46 < (unsigned long)(klp_len_many); klp_i_46++) if (!(((((many)[klp_i_46]).a) == (((klp_new_many)[klp_i_46]).a)) && ((((many)[klp_i_46]).b) == (((klp_new_many)[klp_i_46]).b)))) { if (klp_eq_46) klp_di_46 = klp_i_46; klp_eq_46 = 0; }
  _Bool klp_same_7 = (klp_eq_46);
  __CPROVER_assert(0 || klp_same_7, "KLP_EQ 7 memory many[0..cnt)");
  __typeof__((((*(one))).a) + 0) klp_o_47 = (((*(one))).a);
  __typeof__((((*(klp_new_one))).a) + 0) klp_n_47 = (((*(klp_new_one))).a);
  __typeof__((((*(one))).b) + 0) klp_o_48 = (((*(one))).b);
  __typeof__((((*(klp_new_one))).b) + 0) klp_n_48 = (((*(klp_new_one))).b);
  _Bool klp_same_8 = (klp_o_47 == klp_n_47 && klp_o_48 == klp_n_48);
  __CPROVER_assert(0 || klp_same_8, "KLP_EQ 8 memory *one");
  _Bool klp_same_9 = (1);
  __CPROVER_assert(0 || klp_same_9, "KLP_EQ 9 memory *e");
  _Bool klp_same_10 = (1);
  __CPROVER_assert(0 || klp_same_10, "KLP_EQ 10 memory *ae");
  _Bool klp_eq_49 = 1; unsigned long klp_di_49 = 0;
  for (unsigned long klp_i_49 = 0; klp_i_49 < (unsigned long)(8); klp_i_49++) if (!(((klp_old_table)[klp_i_49]) == ((klp_new_table)[klp_i_49]))) { if (klp_eq_49) klp_di_49 = klp_i_49; klp_eq_49 = 0; }
  __typeof__((klp_old_table)[0] + 0) klp_o_49 = klp_eq_49 ? 0 : (klp_old_table)[klp_di_49];
  __typeof__((klp_new_table)[0] + 0) klp_n_49 = klp_eq_49 ? 0 : (klp_new_table)[klp_di_49];
  _Bool klp_same_11 = (klp_eq_49);
  __CPROVER_assert(0 || klp_same_11, "KLP_EQ 11 global table");
  long long klp_o_50 = klp_abs((const void *)((klp_old_names)[0]), 0);
  long long klp_n_50 = klp_abs((const void *)((klp_new_names)[0]), 1);
  long long klp_o_51 = klp_abs((const void *)((klp_old_names)[1]), 0);
  long long klp_n_51 = klp_abs((const void *)((klp_new_names)[1]), 1);
  _Bool klp_same_12 = (klp_o_50 == klp_n_50 && klp_o_51 == klp_n_51);
  __CPROVER_assert(0 || klp_same_12, "KLP_EQ 12 global names");
  _Bool klp_eq_52 = 1; unsigned long klp_di_52 = 0;
  for (unsigned long klp_i_52 = 0; klp_i_52 < (unsigned long)(6); klp_i_52++) if (!(klp_abs((const void *)((klp_old_lots)[klp_i_52]), 0) == klp_abs((const void *)((klp_new_lots)[klp_i_52]), 1))) { if (klp_eq_52) klp_di_52 = klp_i_52; klp_eq_52 = 0; }
  _Bool klp_same_13 = (klp_eq_52);
  __CPROVER_assert(0 || klp_same_13, "KLP_EQ 13 global lots");
  _Bool klp_same_14 = (1);
  __CPROVER_assert(0 || klp_same_14, "KLP_EQ 14 global elock");
}

`

exports[`test/harness/plan.ts > TAP > rendered harness per mode (snapshots) > misc: opaque, function-pointer, array-pointer and anonymous-struct params, buffers of structs, a struct return — safety-new — metadata 1`] = `
{
  "unwindset": [
    {
      "loop": "klp_harness.0",
      "bound": 3
    },
    {
      "loop": "klp_harness.1",
      "bound": 3
    },
    {
      "loop": "klp_harness.2",
      "bound": 3
    },
    {
      "loop": "klp_harness.3",
      "bound": 3
    },
    {
      "loop": "klp_harness.4",
      "bound": 3
    },
    {
      "loop": "klp_harness.5",
      "bound": 3
    },
    {
      "loop": "klp_harness.6",
      "bound": 3
    },
    {
      "loop": "klp_harness.7",
      "bound": 3
    }
  ],
  "observables": [],
  "inputs": [
    {
      "label": "rawlen",
      "variable": "rawlen"
    },
    {
      "label": "n",
      "variable": "n"
    },
    {
      "label": "m",
      "variable": "m"
    },
    {
      "label": "cnt",
      "variable": "cnt"
    },
    {
      "label": "a == NULL",
      "variable": "klp_null_a"
    },
    {
      "label": "*a",
      "variable": "klp_src_a"
    },
    {
      "label": "ctx",
      "variable": "ctx"
    },
    {
      "label": "cb",
      "variable": "cb"
    },
    {
      "label": "raw[0..rawlen)",
      "variable": "klp_src_raw"
    },
    {
      "label": "items == NULL",
      "variable": "klp_null_items"
    },
    {
      "label": "items[0..n)",
      "variable": "klp_src_items"
    },
    {
      "label": "arr[0..m)",
      "variable": "klp_src_arr"
    },
    {
      "label": "*b",
      "variable": "klp_src_b"
    },
    {
      "label": "*pa",
      "variable": "klp_in_pa"
    },
    {
      "label": "many[0..cnt)",
      "variable": "klp_src_many"
    },
    {
      "label": "*one",
      "variable": "klp_in_one"
    },
    {
      "label": "*e",
      "variable": "klp_src_e"
    },
    {
      "label": "global table",
      "variable": "klp_src_15"
    },
    {
      "label": "global names",
      "variable": "klp_src_16"
    },
    {
      "label": "global lots",
      "variable": "klp_src_19"
    }
  ],
  "checks": "all",
  "bounds": [
    "0 <= rawlen <= 2 (elements of raw)",
    "0 <= n <= 2 (elements of items)",
    "0 <= m <= 2 (elements of arr)",
    "0 <= cnt <= 2 (elements of many)"
  ]
}
`

exports[`test/harness/plan.ts > TAP > rendered harness per mode (snapshots) > misc: opaque, function-pointer, array-pointer and anonymous-struct params, buffers of structs, a struct return — safety-new 1`] = `
# 1 "<klp-harness>"
/*
 * klp-verify equivalence harness for misc()
 * mode: memory safety of the new version, all inputs
 * Generated; re-run by hand with the command in cbmc-command.txt.
 */
void *memcpy(void *, const void *, unsigned long);
void *memset(void *, int, unsigned long);
typedef anon_t *klp_p0_t;
typedef void *klp_p1_t;
typedef int (*klp_p2_t)(int);
typedef void *klp_p3_t;
typedef unsigned klp_p4_t;
typedef struct rec *klp_p5_t;
typedef unsigned klp_p6_t;
typedef anon_t *klp_p7_t;
typedef unsigned klp_p8_t;
typedef struct big *klp_p9_t;
typedef int (*klp_p10_t)[4];
typedef anonp_t klp_p11_t;
typedef unsigned klp_p12_t;
typedef anonp_t klp_p13_t;
typedef struct empty *klp_p14_t;
typedef anonempty_t klp_p15_t;
typedef struct ret klp_ret_t;
extern klp_ret_t klp_new_misc(klp_p0_t, klp_p1_t, klp_p2_t, klp_p3_t, klp_p4_t, klp_p5_t, klp_p6_t, klp_p7_t, klp_p8_t, klp_p9_t, klp_p10_t, klp_p11_t, klp_p12_t, klp_p13_t, klp_p14_t, klp_p15_t);
extern int klp_new_table[8];
extern char *klp_new_names[2];
extern char *klp_new_lots[6];
extern struct empty klp_new_elock;
static const void *klp_h_old_1;
static const void *klp_h_new_1;
static const void *klp_h_old_2;
static const void *klp_h_new_2;
static const void *klp_h_old_3;
static const void *klp_h_new_3;
static const void *klp_h_old_4;
static const void *klp_h_new_4;
static const void *klp_h_old_5;
static const void *klp_h_new_5;
static const void *klp_h_old_6;
static const void *klp_h_new_6;
static const void *klp_h_old_7;
static const void *klp_h_new_7;
static const void *klp_h_old_8;
static const void *klp_h_new_8;
static const void *klp_h_old_9;
static const void *klp_h_new_9;
static const void *klp_h_old_10;
static const void *klp_h_new_10;
static const void *klp_h_old_11;
static const void *klp_h_new_11;
static const void *klp_h_old_12;
static const void *klp_h_new_12;
static const void *klp_h_old_13;
static const void *klp_h_new_13;
static const void *klp_h_old_14;
static const void *klp_h_new_14;
static const void *klp_h_old_15;
static const void *klp_h_new_15;
static const void *klp_h_old_16;
static const void *klp_h_new_16;
static const void *klp_h_old_17;
static const void *klp_h_new_17;
static const void *klp_h_old_18;
static const void *klp_h_new_18;
static const void *klp_h_old_19;
static const void *klp_h_new_19;
static const void *klp_h_old_20;
static const void *klp_h_new_20;
static const void *klp_h_old_21;
static const void *klp_h_new_21;
static const void *klp_h_old_22;
static const void *klp_h_new_22;
static const void *klp_h_old_23;
static const void *klp_h_new_23;
static char klp_opaque_old[1][64];
static char klp_opaque_new[1][64];
static long long klp_abs(const void *q, int v) {
  if (q == 0) return 0;
  if (__CPROVER_same_object(q, v ? klp_h_new_1 : klp_h_old_1)) return 1LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_2 : klp_h_old_2)) return 2LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_3 : klp_h_old_3)) return 3LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_4 : klp_h_old_4)) return 4LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_5 : klp_h_old_5)) return 5LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_6 : klp_h_old_6)) return 6LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_7 : klp_h_old_7)) return 7LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_8 : klp_h_old_8)) return 8LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_9 : klp_h_old_9)) return 9LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_10 : klp_h_old_10)) return 10LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_11 : klp_h_old_11)) return 11LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_12 : klp_h_old_12)) return 12LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_13 : klp_h_old_13)) return 13LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_14 : klp_h_old_14)) return 14LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_15 : klp_h_old_15)) return 15LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_16 : klp_h_old_16)) return 16LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_17 : klp_h_old_17)) return 17LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_18 : klp_h_old_18)) return 18LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_19 : klp_h_old_19)) return 19LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_20 : klp_h_old_20)) return 20LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_21 : klp_h_old_21)) return 21LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_22 : klp_h_old_22)) return 22LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_23 : klp_h_old_23)) return 23LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? (const void *)klp_opaque_new : (const void *)klp_opaque_old)) return -2LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  return -1;
}

void klp_harness(void)
{
  /* shared nondeterministic inputs and assumptions */
  klp_p4_t rawlen;
  klp_p6_t n;
  klp_p8_t m;
  klp_p12_t cnt;
  klp_p0_t a = 0;
  klp_p0_t klp_new_a = 0;
  _Bool klp_null_a;
  klp_p1_t ctx = 0;
  klp_p1_t klp_new_ctx = 0;
  unsigned char klp_opaque_in_0[64];
  memcpy(klp_opaque_old[0], klp_opaque_in_0, 64); memcpy(klp_opaque_new[0], klp_opaque_in_0, 64);
  ctx = (klp_p1_t)klp_opaque_old[0]; klp_new_ctx = (klp_p1_t)klp_opaque_new[0];
  klp_p2_t cb = 0;
  klp_p2_t klp_new_cb = 0;
  klp_p3_t raw = 0;
  klp_p3_t klp_new_raw = 0;
  __CPROVER_assume(((rawlen)) >= 0 && ((rawlen)) <= 2);
  unsigned long klp_len_raw = (unsigned long)((rawlen));
  unsigned char klp_src_raw[2];
  klp_p5_t items = 0;
  klp_p5_t klp_new_items = 0;
  _Bool klp_null_items;
  __CPROVER_assume(((n)) >= 0 && ((n)) <= 2);
  unsigned long klp_len_items = (unsigned long)((n));
  struct rec klp_src_items[2];
  memset((void *)klp_src_items, 0, sizeof(klp_src_items));
  klp_p7_t arr = 0;
  klp_p7_t klp_new_arr = 0;
  __CPROVER_assume(((m)) >= 0 && ((m)) <= 2);
  unsigned long klp_len_arr = (unsigned long)((m));
  anon_t klp_src_arr[2];
  memset((void *)klp_src_arr, 0, sizeof(klp_src_arr));
  klp_p9_t b = 0;
  klp_p9_t klp_new_b = 0;
  klp_p10_t pa = 0;
  klp_p10_t klp_new_pa = 0;
  klp_p11_t many = 0;
  klp_p11_t klp_new_many = 0;
  __CPROVER_assume(((cnt)) >= 0 && ((cnt)) <= 2);
  unsigned long klp_len_many = (unsigned long)((cnt));
  __typeof__(*(klp_p11_t)0) klp_src_many[2];
  klp_p13_t one = 0;
  klp_p13_t klp_new_one = 0;
  klp_p14_t e = 0;
  klp_p14_t klp_new_e = 0;
  klp_p15_t ae = 0;
  klp_p15_t klp_new_ae = 0;
  anon_t klp_src_a;
  _Bool klp_c_0;
  struct big klp_src_b;
  _Bool klp_c_7;
  _Bool klp_c_8;
  _Bool klp_c_9;
  _Bool klp_c_10;
  _Bool klp_c_11;
  _Bool klp_c_12;
  struct empty klp_src_e;
  __typeof__(klp_old_table) klp_src_15;
  __typeof__(klp_old_names) klp_src_16;
  _Bool klp_c_17;
  _Bool klp_c_18;
  __typeof__(klp_old_lots) klp_src_19;

  /* the same entry state for each version, in separate objects */
  if (klp_c_0) {
  (klp_src_a).p = __CPROVER_allocate(sizeof(*((klp_src_a).p)), 0);
  klp_h_old_1 = (klp_src_a).p;
  } else (klp_src_a).p = 0;
  if (!klp_null_a) {
  a = (klp_p0_t)__CPROVER_allocate(sizeof(*a), 0);
  *(anon_t *)a = klp_src_a;
  klp_h_old_2 = a;
  }
  raw = (klp_p3_t)__CPROVER_allocate(sizeof(unsigned char) * klp_len_raw, 0);
  for (unsigned long klp_k_1 = 0; klp_k_1 < klp_len_raw; klp_k_1++) ((unsigned char *)raw)[klp_k_1] = klp_src_raw[klp_k_1];
  klp_h_old_3 = raw;
  if (!klp_null_items) {
  items = (klp_p5_t)__CPROVER_allocate(sizeof(struct rec) * klp_len_items, 0);
  for (unsigned long klp_k_3 = 0; klp_k_3 < klp_len_items; klp_k_3++) ((struct rec *)items)[klp_k_3] = klp_src_items[klp_k_3];
  }
  klp_h_old_4 = items;
  arr = (klp_p7_t)__CPROVER_allocate(sizeof(anon_t) * klp_len_arr, 0);
  for (unsigned long klp_k_5 = 0; klp_k_5 < klp_len_arr; klp_k_5++) ((anon_t *)arr)[klp_k_5] = klp_src_arr[klp_k_5];
  klp_h_old_5 = arr;
  if (klp_c_7) {
  ((klp_src_b).ptrs)[0] = __CPROVER_allocate(sizeof(*(((klp_src_b).ptrs)[0])), 0);
  klp_h_old_6 = ((klp_src_b).ptrs)[0];
  } else ((klp_src_b).ptrs)[0] = 0;
  if (klp_c_8) {
  ((klp_src_b).ptrs)[1] = __CPROVER_allocate(sizeof(*(((klp_src_b).ptrs)[1])), 0);
  klp_h_old_7 = ((klp_src_b).ptrs)[1];
  } else ((klp_src_b).ptrs)[1] = 0;
  memset((void *)&((klp_src_b).many), 0, sizeof((klp_src_b).many));
  memset((void *)&((klp_src_b).un), 0, sizeof((klp_src_b).un));
  (klp_src_b).fn = 0;
  if (klp_c_9) {
  (klp_src_b).link = __CPROVER_allocate(sizeof(*((klp_src_b).link)), 0);
  if (klp_c_10) {
  ((*(struct rec *)((klp_src_b).link))).name = __CPROVER_allocate(sizeof(*(((*(struct rec *)((klp_src_b).link))).name)), 0);
  klp_h_old_8 = ((*(struct rec *)((klp_src_b).link))).name;
  } else ((*(struct rec *)((klp_src_b).link))).name = 0;
  klp_h_old_9 = (klp_src_b).link;
  } else (klp_src_b).link = 0;
  if (klp_c_11) {
  (klp_src_b).argv = __CPROVER_allocate(sizeof(*((klp_src_b).argv)), 0);
  if (klp_c_12) {
  (*(char * *)((klp_src_b).argv)) = __CPROVER_allocate(sizeof(*((*(char * *)((klp_src_b).argv)))), 0);
  klp_h_old_10 = (*(char * *)((klp_src_b).argv));
  } else (*(char * *)((klp_src_b).argv)) = 0;
  klp_h_old_11 = (klp_src_b).argv;
  } else (klp_src_b).argv = 0;
  b = (klp_p9_t)__CPROVER_allocate(sizeof(*b), 0);
  *(struct big *)b = klp_src_b;
  klp_h_old_12 = b;
  pa = (klp_p10_t)__CPROVER_allocate(sizeof(*pa), 0);
  klp_h_old_13 = pa;
  __typeof__(*pa) klp_in_pa; memcpy((void *)&klp_in_pa, (const void *)pa, sizeof(klp_in_pa));
  many = (klp_p11_t)__CPROVER_allocate(sizeof(__typeof__(*(klp_p11_t)0)) * klp_len_many, 0);
  for (unsigned long klp_k_13 = 0; klp_k_13 < klp_len_many; klp_k_13++) memcpy((char *)many + klp_k_13 * sizeof(klp_src_many[0]), (const void *)&klp_src_many[klp_k_13], sizeof(klp_src_many[0]));
  klp_h_old_14 = many;
  one = (klp_p13_t)__CPROVER_allocate(sizeof(*one), 0);
  klp_h_old_15 = one;
  __typeof__(*one) klp_in_one = *one;
  e = (klp_p14_t)__CPROVER_allocate(sizeof(*e), 0);
  klp_h_old_16 = e;
  ae = (klp_p15_t)__CPROVER_allocate(sizeof(*ae), 0);
  klp_h_old_17 = ae;
  memcpy((void *)&klp_old_table, (const void *)&klp_src_15, sizeof(klp_old_table));
  klp_h_old_18 = &klp_old_table;
  if (klp_c_17) {
  (klp_src_16)[0] = __CPROVER_allocate(sizeof(*((klp_src_16)[0])), 0);
  klp_h_old_19 = (klp_src_16)[0];
  } else (klp_src_16)[0] = 0;
  if (klp_c_18) {
  (klp_src_16)[1] = __CPROVER_allocate(sizeof(*((klp_src_16)[1])), 0);
  klp_h_old_20 = (klp_src_16)[1];
  } else (klp_src_16)[1] = 0;
  memcpy((void *)&klp_old_names, (const void *)&klp_src_16, sizeof(klp_old_names));
  klp_h_old_21 = &klp_old_names;
  memset((void *)&(klp_src_19), 0, sizeof(klp_src_19));
  memcpy((void *)&klp_old_lots, (const void *)&klp_src_19, sizeof(klp_old_lots));
  klp_h_old_22 = &klp_old_lots;
  klp_h_old_23 = &klp_old_elock;
  if (!klp_null_a) {
  klp_new_a = (klp_p0_t)__CPROVER_allocate(sizeof(*a), 0);
  *(anon_t *)klp_new_a = klp_src_a;
  if (klp_c_0) {
  ((*(anon_t *)(klp_new_a))).p = __CPROVER_allocate(sizeof(*((klp_src_a).p)), 0);
  memcpy((void *)(((*(anon_t *)(klp_new_a))).p), (const void *)((klp_src_a).p), sizeof(*((klp_src_a).p)));
  klp_h_new_1 = ((*(anon_t *)(klp_new_a))).p;
  } else ((*(anon_t *)(klp_new_a))).p = 0;
  klp_h_new_2 = klp_new_a;
  }
  klp_new_raw = (klp_p3_t)__CPROVER_allocate(sizeof(unsigned char) * klp_len_raw, 0);
  for (unsigned long klp_k_2 = 0; klp_k_2 < klp_len_raw; klp_k_2++) ((unsigned char *)klp_new_raw)[klp_k_2] = klp_src_raw[klp_k_2];
  klp_h_new_3 = klp_new_raw;
  if (!klp_null_items) {
  klp_new_items = (klp_p5_t)__CPROVER_allocate(sizeof(struct rec) * klp_len_items, 0);
  for (unsigned long klp_k_4 = 0; klp_k_4 < klp_len_items; klp_k_4++) ((struct rec *)klp_new_items)[klp_k_4] = klp_src_items[klp_k_4];
  }
  klp_h_new_4 = klp_new_items;
  klp_new_arr = (klp_p7_t)__CPROVER_allocate(sizeof(anon_t) * klp_len_arr, 0);
  for (unsigned long klp_k_6 = 0; klp_k_6 < klp_len_arr; klp_k_6++) ((anon_t *)klp_new_arr)[klp_k_6] = klp_src_arr[klp_k_6];
  klp_h_new_5 = klp_new_arr;
  klp_new_b = (klp_p9_t)__CPROVER_allocate(sizeof(*b), 0);
  *(struct big *)klp_new_b = klp_src_b;
  if (klp_c_7) {
  (((*(struct big *)(klp_new_b))).ptrs)[0] = __CPROVER_allocate(sizeof(*(((klp_src_b).ptrs)[0])), 0);
  memcpy((void *)((((*(struct big *)(klp_new_b))).ptrs)[0]), (const void *)(((klp_src_b).ptrs)[0]), sizeof(*(((klp_src_b).ptrs)[0])));
  klp_h_new_6 = (((*(struct big *)(klp_new_b))).ptrs)[0];
  } else (((*(struct big *)(klp_new_b))).ptrs)[0] = 0;
  if (klp_c_8) {
  (((*(struct big *)(klp_new_b))).ptrs)[1] = __CPROVER_allocate(sizeof(*(((klp_src_b).ptrs)[1])), 0);
  memcpy((void *)((((*(struct big *)(klp_new_b))).ptrs)[1]), (const void *)(((klp_src_b).ptrs)[1]), sizeof(*(((klp_src_b).ptrs)[1])));
  klp_h_new_7 = (((*(struct big *)(klp_new_b))).ptrs)[1];
  } else (((*(struct big *)(klp_new_b))).ptrs)[1] = 0;
  if (klp_c_9) {
  ((*(struct big *)(klp_new_b))).link = __CPROVER_allocate(sizeof(*((klp_src_b).link)), 0);
  memcpy((void *)(((*(struct big *)(klp_new_b))).link), (const void *)((klp_src_b).link), sizeof(*((klp_src_b).link)));
  if (klp_c_10) {
  ((*(struct rec *)(((*(struct big *)(klp_new_b))).link))).name = __CPROVER_allocate(sizeof(*(((*(struct rec *)((klp_src_b).link))).name)), 0);
  memcpy((void *)(((*(struct rec *)(((*(struct big *)(klp_new_b))).link))).name), (const void *)(((*(struct rec *)((klp_src_b).link))).name), sizeof(*(((*(struct rec *)((klp_src_b).link))).name)));
  klp_h_new_8 = ((*(struct rec *)(((*(struct big *)(klp_new_b))).link))).name;
  } else ((*(struct rec *)(((*(struct big *)(klp_new_b))).link))).name = 0;
  klp_h_new_9 = ((*(struct big *)(klp_new_b))).link;
  } else ((*(struct big *)(klp_new_b))).link = 0;
  if (klp_c_11) {
  ((*(struct big *)(klp_new_b))).argv = __CPROVER_allocate(sizeof(*((klp_src_b).argv)), 0);
  memcpy((void *)(((*(struct big *)(klp_new_b))).argv), (const void *)((klp_src_b).argv), sizeof(*((klp_src_b).argv)));
  if (klp_c_12) {
  (*(char * *)(((*(struct big *)(klp_new_b))).argv)) = __CPROVER_allocate(sizeof(*((*(char * *)((klp_src_b).argv)))), 0);
  memcpy((void *)((*(char * *)(((*(struct big *)(klp_new_b))).argv))), (const void *)((*(char * *)((klp_src_b).argv))), sizeof(*((*(char * *)((klp_src_b).argv)))));
  klp_h_new_10 = (*(char * *)(((*(struct big *)(klp_new_b))).argv));
  } else (*(char * *)(((*(struct big *)(klp_new_b))).argv)) = 0;
  klp_h_new_11 = ((*(struct big *)(klp_new_b))).argv;
  } else ((*(struct big *)(klp_new_b))).argv = 0;
  klp_h_new_12 = klp_new_b;
  klp_new_pa = (klp_p10_t)__CPROVER_allocate(sizeof(*pa), 0);
  memcpy((void *)klp_new_pa, (const void *)pa, sizeof(*pa));
  klp_h_new_13 = klp_new_pa;
  klp_new_many = (klp_p11_t)__CPROVER_allocate(sizeof(__typeof__(*(klp_p11_t)0)) * klp_len_many, 0);
  for (unsigned long klp_k_14 = 0; klp_k_14 < klp_len_many; klp_k_14++) memcpy((char *)klp_new_many + klp_k_14 * sizeof(klp_src_many[0]), (const void *)&klp_src_many[klp_k_14], sizeof(klp_src_many[0]));
  klp_h_new_14 = klp_new_many;
  klp_new_one = (klp_p13_t)__CPROVER_allocate(sizeof(*one), 0);
  memcpy((void *)klp_new_one, (const void *)one, sizeof(*one));
  klp_h_new_15 = klp_new_one;
  klp_new_e = (klp_p14_t)__CPROVER_allocate(sizeof(*e), 0);
  klp_h_new_16 = klp_new_e;
  klp_new_ae = (klp_p15_t)__CPROVER_allocate(sizeof(*ae), 0);
  memcpy((void *)klp_new_ae, (const void *)ae, sizeof(*ae));
  klp_h_new_17 = klp_new_ae;
  memcpy((void *)&klp_new_table, (const void *)&klp_src_15, sizeof(klp_old_table));
  klp_h_new_18 = &klp_new_table;
  memcpy((void *)&klp_new_names, (const void *)&klp_src_16, sizeof(klp_old_names));
  if (klp_c_17) {
  (klp_new_names)[0] = __CPROVER_allocate(sizeof(*((klp_src_16)[0])), 0);
  memcpy((void *)((klp_new_names)[0]), (const void *)((klp_src_16)[0]), sizeof(*((klp_src_16)[0])));
  klp_h_new_19 = (klp_new_names)[0];
  } else (klp_new_names)[0] = 0;
  if (klp_c_18) {
  (klp_new_names)[1] = __CPROVER_allocate(sizeof(*((klp_src_16)[1])), 0);
  memcpy((void *)((klp_new_names)[1]), (const void *)((klp_src_16)[1]), sizeof(*((klp_src_16)[1])));
  klp_h_new_20 = (klp_new_names)[1];
  } else (klp_new_names)[1] = 0;
  klp_h_new_21 = &klp_new_names;
  memcpy((void *)&klp_new_lots, (const void *)&klp_src_19, sizeof(klp_old_lots));
  klp_h_new_22 = &klp_new_lots;
  klp_h_new_23 = &klp_new_elock;
  __CPROVER_assert(0, "KLP_ENTRY the entry assumptions can be satisfied");
  _Bool klp_w_0 = ((n == 1));

  /* run each version */
  klp_ret_t klp_ret_new = klp_new_misc(klp_new_a, klp_new_ctx, klp_new_cb, klp_new_raw, rawlen, klp_new_items, n, klp_new_arr, m, klp_new_b, klp_new_pa, klp_new_many, cnt, klp_new_one, klp_new_e, klp_new_ae);
}

`

exports[`test/harness/plan.ts > TAP > rendered harness per mode (snapshots) > misc: opaque, function-pointer, array-pointer and anonymous-struct params, buffers of structs, a struct return — safety-old-claim-0 — metadata 1`] = `
{
  "unwindset": [
    {
      "loop": "klp_harness.0",
      "bound": 3
    },
    {
      "loop": "klp_harness.1",
      "bound": 3
    },
    {
      "loop": "klp_harness.2",
      "bound": 3
    },
    {
      "loop": "klp_harness.3",
      "bound": 3
    },
    {
      "loop": "klp_harness.4",
      "bound": 3
    },
    {
      "loop": "klp_harness.5",
      "bound": 3
    },
    {
      "loop": "klp_harness.6",
      "bound": 3
    },
    {
      "loop": "klp_harness.7",
      "bound": 3
    }
  ],
  "observables": [],
  "inputs": [
    {
      "label": "rawlen",
      "variable": "rawlen"
    },
    {
      "label": "n",
      "variable": "n"
    },
    {
      "label": "m",
      "variable": "m"
    },
    {
      "label": "cnt",
      "variable": "cnt"
    },
    {
      "label": "a == NULL",
      "variable": "klp_null_a"
    },
    {
      "label": "*a",
      "variable": "klp_src_a"
    },
    {
      "label": "ctx",
      "variable": "ctx"
    },
    {
      "label": "cb",
      "variable": "cb"
    },
    {
      "label": "raw[0..rawlen)",
      "variable": "klp_src_raw"
    },
    {
      "label": "items == NULL",
      "variable": "klp_null_items"
    },
    {
      "label": "items[0..n)",
      "variable": "klp_src_items"
    },
    {
      "label": "arr[0..m)",
      "variable": "klp_src_arr"
    },
    {
      "label": "*b",
      "variable": "klp_src_b"
    },
    {
      "label": "*pa",
      "variable": "klp_in_pa"
    },
    {
      "label": "many[0..cnt)",
      "variable": "klp_src_many"
    },
    {
      "label": "*one",
      "variable": "klp_in_one"
    },
    {
      "label": "*e",
      "variable": "klp_src_e"
    },
    {
      "label": "global table",
      "variable": "klp_src_15"
    },
    {
      "label": "global names",
      "variable": "klp_src_16"
    },
    {
      "label": "global lots",
      "variable": "klp_src_19"
    }
  ],
  "checks": "all",
  "bounds": [
    "0 <= rawlen <= 2 (elements of raw)",
    "0 <= n <= 2 (elements of items)",
    "0 <= m <= 2 (elements of arr)",
    "0 <= cnt <= 2 (elements of many)"
  ]
}
`

exports[`test/harness/plan.ts > TAP > rendered harness per mode (snapshots) > misc: opaque, function-pointer, array-pointer and anonymous-struct params, buffers of structs, a struct return — safety-old-claim-0 1`] = `
# 1 "<klp-harness>"
/*
 * klp-verify equivalence harness for misc()
 * mode: memory safety of the old version, inside claim fix-items
 * Generated; re-run by hand with the command in cbmc-command.txt.
 */
void *memcpy(void *, const void *, unsigned long);
void *memset(void *, int, unsigned long);
typedef anon_t *klp_p0_t;
typedef void *klp_p1_t;
typedef int (*klp_p2_t)(int);
typedef void *klp_p3_t;
typedef unsigned klp_p4_t;
typedef struct rec *klp_p5_t;
typedef unsigned klp_p6_t;
typedef anon_t *klp_p7_t;
typedef unsigned klp_p8_t;
typedef struct big *klp_p9_t;
typedef int (*klp_p10_t)[4];
typedef anonp_t klp_p11_t;
typedef unsigned klp_p12_t;
typedef anonp_t klp_p13_t;
typedef struct empty *klp_p14_t;
typedef anonempty_t klp_p15_t;
typedef struct ret klp_ret_t;
extern klp_ret_t klp_new_misc(klp_p0_t, klp_p1_t, klp_p2_t, klp_p3_t, klp_p4_t, klp_p5_t, klp_p6_t, klp_p7_t, klp_p8_t, klp_p9_t, klp_p10_t, klp_p11_t, klp_p12_t, klp_p13_t, klp_p14_t, klp_p15_t);
extern int klp_new_table[8];
extern char *klp_new_names[2];
extern char *klp_new_lots[6];
extern struct empty klp_new_elock;
static const void *klp_h_old_1;
static const void *klp_h_new_1;
static const void *klp_h_old_2;
static const void *klp_h_new_2;
static const void *klp_h_old_3;
static const void *klp_h_new_3;
static const void *klp_h_old_4;
static const void *klp_h_new_4;
static const void *klp_h_old_5;
static const void *klp_h_new_5;
static const void *klp_h_old_6;
static const void *klp_h_new_6;
static const void *klp_h_old_7;
static const void *klp_h_new_7;
static const void *klp_h_old_8;
static const void *klp_h_new_8;
static const void *klp_h_old_9;
static const void *klp_h_new_9;
static const void *klp_h_old_10;
static const void *klp_h_new_10;
static const void *klp_h_old_11;
static const void *klp_h_new_11;
static const void *klp_h_old_12;
static const void *klp_h_new_12;
static const void *klp_h_old_13;
static const void *klp_h_new_13;
static const void *klp_h_old_14;
static const void *klp_h_new_14;
static const void *klp_h_old_15;
static const void *klp_h_new_15;
static const void *klp_h_old_16;
static const void *klp_h_new_16;
static const void *klp_h_old_17;
static const void *klp_h_new_17;
static const void *klp_h_old_18;
static const void *klp_h_new_18;
static const void *klp_h_old_19;
static const void *klp_h_new_19;
static const void *klp_h_old_20;
static const void *klp_h_new_20;
static const void *klp_h_old_21;
static const void *klp_h_new_21;
static const void *klp_h_old_22;
static const void *klp_h_new_22;
static const void *klp_h_old_23;
static const void *klp_h_new_23;
static char klp_opaque_old[1][64];
static char klp_opaque_new[1][64];
static long long klp_abs(const void *q, int v) {
  if (q == 0) return 0;
  if (__CPROVER_same_object(q, v ? klp_h_new_1 : klp_h_old_1)) return 1LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_2 : klp_h_old_2)) return 2LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_3 : klp_h_old_3)) return 3LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_4 : klp_h_old_4)) return 4LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_5 : klp_h_old_5)) return 5LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_6 : klp_h_old_6)) return 6LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_7 : klp_h_old_7)) return 7LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_8 : klp_h_old_8)) return 8LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_9 : klp_h_old_9)) return 9LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_10 : klp_h_old_10)) return 10LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_11 : klp_h_old_11)) return 11LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_12 : klp_h_old_12)) return 12LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_13 : klp_h_old_13)) return 13LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_14 : klp_h_old_14)) return 14LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_15 : klp_h_old_15)) return 15LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_16 : klp_h_old_16)) return 16LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_17 : klp_h_old_17)) return 17LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_18 : klp_h_old_18)) return 18LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_19 : klp_h_old_19)) return 19LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_20 : klp_h_old_20)) return 20LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_21 : klp_h_old_21)) return 21LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_22 : klp_h_old_22)) return 22LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_23 : klp_h_old_23)) return 23LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? (const void *)klp_opaque_new : (const void *)klp_opaque_old)) return -2LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  return -1;
}

void klp_harness(void)
{
  /* shared nondeterministic inputs and assumptions */
  klp_p4_t rawlen;
  klp_p6_t n;
  klp_p8_t m;
  klp_p12_t cnt;
  klp_p0_t a = 0;
  klp_p0_t klp_new_a = 0;
  _Bool klp_null_a;
  klp_p1_t ctx = 0;
  klp_p1_t klp_new_ctx = 0;
  unsigned char klp_opaque_in_0[64];
  memcpy(klp_opaque_old[0], klp_opaque_in_0, 64); memcpy(klp_opaque_new[0], klp_opaque_in_0, 64);
  ctx = (klp_p1_t)klp_opaque_old[0]; klp_new_ctx = (klp_p1_t)klp_opaque_new[0];
  klp_p2_t cb = 0;
  klp_p2_t klp_new_cb = 0;
  klp_p3_t raw = 0;
  klp_p3_t klp_new_raw = 0;
  __CPROVER_assume(((rawlen)) >= 0 && ((rawlen)) <= 2);
  unsigned long klp_len_raw = (unsigned long)((rawlen));
  unsigned char klp_src_raw[2];
  klp_p5_t items = 0;
  klp_p5_t klp_new_items = 0;
  _Bool klp_null_items;
  __CPROVER_assume(((n)) >= 0 && ((n)) <= 2);
  unsigned long klp_len_items = (unsigned long)((n));
  struct rec klp_src_items[2];
  memset((void *)klp_src_items, 0, sizeof(klp_src_items));
  klp_p7_t arr = 0;
  klp_p7_t klp_new_arr = 0;
  __CPROVER_assume(((m)) >= 0 && ((m)) <= 2);
  unsigned long klp_len_arr = (unsigned long)((m));
  anon_t klp_src_arr[2];
  memset((void *)klp_src_arr, 0, sizeof(klp_src_arr));
  klp_p9_t b = 0;
  klp_p9_t klp_new_b = 0;
  klp_p10_t pa = 0;
  klp_p10_t klp_new_pa = 0;
  klp_p11_t many = 0;
  klp_p11_t klp_new_many = 0;
  __CPROVER_assume(((cnt)) >= 0 && ((cnt)) <= 2);
  unsigned long klp_len_many = (unsigned long)((cnt));
  __typeof__(*(klp_p11_t)0) klp_src_many[2];
  klp_p13_t one = 0;
  klp_p13_t klp_new_one = 0;
  klp_p14_t e = 0;
  klp_p14_t klp_new_e = 0;
  klp_p15_t ae = 0;
  klp_p15_t klp_new_ae = 0;
  anon_t klp_src_a;
  _Bool klp_c_0;
  struct big klp_src_b;
  _Bool klp_c_7;
  _Bool klp_c_8;
  _Bool klp_c_9;
  _Bool klp_c_10;
  _Bool klp_c_11;
  _Bool klp_c_12;
  struct empty klp_src_e;
  __typeof__(klp_old_table) klp_src_15;
  __typeof__(klp_old_names) klp_src_16;
  _Bool klp_c_17;
  _Bool klp_c_18;
  __typeof__(klp_old_lots) klp_src_19;

  /* the same entry state for each version, in separate objects */
  if (klp_c_0) {
  (klp_src_a).p = __CPROVER_allocate(sizeof(*((klp_src_a).p)), 0);
  klp_h_old_1 = (klp_src_a).p;
  } else (klp_src_a).p = 0;
  if (!klp_null_a) {
  a = (klp_p0_t)__CPROVER_allocate(sizeof(*a), 0);
  *(anon_t *)a = klp_src_a;
  klp_h_old_2 = a;
  }
  raw = (klp_p3_t)__CPROVER_allocate(sizeof(unsigned char) * klp_len_raw, 0);
  for (unsigned long klp_k_1 = 0; klp_k_1 < klp_len_raw; klp_k_1++) ((unsigned char *)raw)[klp_k_1] = klp_src_raw[klp_k_1];
  klp_h_old_3 = raw;
  if (!klp_null_items) {
  items = (klp_p5_t)__CPROVER_allocate(sizeof(struct rec) * klp_len_items, 0);
  for (unsigned long klp_k_3 = 0; klp_k_3 < klp_len_items; klp_k_3++) ((struct rec *)items)[klp_k_3] = klp_src_items[klp_k_3];
  }
  klp_h_old_4 = items;
  arr = (klp_p7_t)__CPROVER_allocate(sizeof(anon_t) * klp_len_arr, 0);
  for (unsigned long klp_k_5 = 0; klp_k_5 < klp_len_arr; klp_k_5++) ((anon_t *)arr)[klp_k_5] = klp_src_arr[klp_k_5];
  klp_h_old_5 = arr;
  if (klp_c_7) {
  ((klp_src_b).ptrs)[0] = __CPROVER_allocate(sizeof(*(((klp_src_b).ptrs)[0])), 0);
  klp_h_old_6 = ((klp_src_b).ptrs)[0];
  } else ((klp_src_b).ptrs)[0] = 0;
  if (klp_c_8) {
  ((klp_src_b).ptrs)[1] = __CPROVER_allocate(sizeof(*(((klp_src_b).ptrs)[1])), 0);
  klp_h_old_7 = ((klp_src_b).ptrs)[1];
  } else ((klp_src_b).ptrs)[1] = 0;
  memset((void *)&((klp_src_b).many), 0, sizeof((klp_src_b).many));
  memset((void *)&((klp_src_b).un), 0, sizeof((klp_src_b).un));
  (klp_src_b).fn = 0;
  if (klp_c_9) {
  (klp_src_b).link = __CPROVER_allocate(sizeof(*((klp_src_b).link)), 0);
  if (klp_c_10) {
  ((*(struct rec *)((klp_src_b).link))).name = __CPROVER_allocate(sizeof(*(((*(struct rec *)((klp_src_b).link))).name)), 0);
  klp_h_old_8 = ((*(struct rec *)((klp_src_b).link))).name;
  } else ((*(struct rec *)((klp_src_b).link))).name = 0;
  klp_h_old_9 = (klp_src_b).link;
  } else (klp_src_b).link = 0;
  if (klp_c_11) {
  (klp_src_b).argv = __CPROVER_allocate(sizeof(*((klp_src_b).argv)), 0);
  if (klp_c_12) {
  (*(char * *)((klp_src_b).argv)) = __CPROVER_allocate(sizeof(*((*(char * *)((klp_src_b).argv)))), 0);
  klp_h_old_10 = (*(char * *)((klp_src_b).argv));
  } else (*(char * *)((klp_src_b).argv)) = 0;
  klp_h_old_11 = (klp_src_b).argv;
  } else (klp_src_b).argv = 0;
  b = (klp_p9_t)__CPROVER_allocate(sizeof(*b), 0);
  *(struct big *)b = klp_src_b;
  klp_h_old_12 = b;
  pa = (klp_p10_t)__CPROVER_allocate(sizeof(*pa), 0);
  klp_h_old_13 = pa;
  __typeof__(*pa) klp_in_pa; memcpy((void *)&klp_in_pa, (const void *)pa, sizeof(klp_in_pa));
  many = (klp_p11_t)__CPROVER_allocate(sizeof(__typeof__(*(klp_p11_t)0)) * klp_len_many, 0);
  for (unsigned long klp_k_13 = 0; klp_k_13 < klp_len_many; klp_k_13++) memcpy((char *)many + klp_k_13 * sizeof(klp_src_many[0]), (const void *)&klp_src_many[klp_k_13], sizeof(klp_src_many[0]));
  klp_h_old_14 = many;
  one = (klp_p13_t)__CPROVER_allocate(sizeof(*one), 0);
  klp_h_old_15 = one;
  __typeof__(*one) klp_in_one = *one;
  e = (klp_p14_t)__CPROVER_allocate(sizeof(*e), 0);
  klp_h_old_16 = e;
  ae = (klp_p15_t)__CPROVER_allocate(sizeof(*ae), 0);
  klp_h_old_17 = ae;
  memcpy((void *)&klp_old_table, (const void *)&klp_src_15, sizeof(klp_old_table));
  klp_h_old_18 = &klp_old_table;
  if (klp_c_17) {
  (klp_src_16)[0] = __CPROVER_allocate(sizeof(*((klp_src_16)[0])), 0);
  klp_h_old_19 = (klp_src_16)[0];
  } else (klp_src_16)[0] = 0;
  if (klp_c_18) {
  (klp_src_16)[1] = __CPROVER_allocate(sizeof(*((klp_src_16)[1])), 0);
  klp_h_old_20 = (klp_src_16)[1];
  } else (klp_src_16)[1] = 0;
  memcpy((void *)&klp_old_names, (const void *)&klp_src_16, sizeof(klp_old_names));
  klp_h_old_21 = &klp_old_names;
  memset((void *)&(klp_src_19), 0, sizeof(klp_src_19));
  memcpy((void *)&klp_old_lots, (const void *)&klp_src_19, sizeof(klp_old_lots));
  klp_h_old_22 = &klp_old_lots;
  klp_h_old_23 = &klp_old_elock;
  if (!klp_null_a) {
  klp_new_a = (klp_p0_t)__CPROVER_allocate(sizeof(*a), 0);
  *(anon_t *)klp_new_a = klp_src_a;
  if (klp_c_0) {
  ((*(anon_t *)(klp_new_a))).p = __CPROVER_allocate(sizeof(*((klp_src_a).p)), 0);
  memcpy((void *)(((*(anon_t *)(klp_new_a))).p), (const void *)((klp_src_a).p), sizeof(*((klp_src_a).p)));
  klp_h_new_1 = ((*(anon_t *)(klp_new_a))).p;
  } else ((*(anon_t *)(klp_new_a))).p = 0;
  klp_h_new_2 = klp_new_a;
  }
  klp_new_raw = (klp_p3_t)__CPROVER_allocate(sizeof(unsigned char) * klp_len_raw, 0);
  for (unsigned long klp_k_2 = 0; klp_k_2 < klp_len_raw; klp_k_2++) ((unsigned char *)klp_new_raw)[klp_k_2] = klp_src_raw[klp_k_2];
  klp_h_new_3 = klp_new_raw;
  if (!klp_null_items) {
  klp_new_items = (klp_p5_t)__CPROVER_allocate(sizeof(struct rec) * klp_len_items, 0);
  for (unsigned long klp_k_4 = 0; klp_k_4 < klp_len_items; klp_k_4++) ((struct rec *)klp_new_items)[klp_k_4] = klp_src_items[klp_k_4];
  }
  klp_h_new_4 = klp_new_items;
  klp_new_arr = (klp_p7_t)__CPROVER_allocate(sizeof(anon_t) * klp_len_arr, 0);
  for (unsigned long klp_k_6 = 0; klp_k_6 < klp_len_arr; klp_k_6++) ((anon_t *)klp_new_arr)[klp_k_6] = klp_src_arr[klp_k_6];
  klp_h_new_5 = klp_new_arr;
  klp_new_b = (klp_p9_t)__CPROVER_allocate(sizeof(*b), 0);
  *(struct big *)klp_new_b = klp_src_b;
  if (klp_c_7) {
  (((*(struct big *)(klp_new_b))).ptrs)[0] = __CPROVER_allocate(sizeof(*(((klp_src_b).ptrs)[0])), 0);
  memcpy((void *)((((*(struct big *)(klp_new_b))).ptrs)[0]), (const void *)(((klp_src_b).ptrs)[0]), sizeof(*(((klp_src_b).ptrs)[0])));
  klp_h_new_6 = (((*(struct big *)(klp_new_b))).ptrs)[0];
  } else (((*(struct big *)(klp_new_b))).ptrs)[0] = 0;
  if (klp_c_8) {
  (((*(struct big *)(klp_new_b))).ptrs)[1] = __CPROVER_allocate(sizeof(*(((klp_src_b).ptrs)[1])), 0);
  memcpy((void *)((((*(struct big *)(klp_new_b))).ptrs)[1]), (const void *)(((klp_src_b).ptrs)[1]), sizeof(*(((klp_src_b).ptrs)[1])));
  klp_h_new_7 = (((*(struct big *)(klp_new_b))).ptrs)[1];
  } else (((*(struct big *)(klp_new_b))).ptrs)[1] = 0;
  if (klp_c_9) {
  ((*(struct big *)(klp_new_b))).link = __CPROVER_allocate(sizeof(*((klp_src_b).link)), 0);
  memcpy((void *)(((*(struct big *)(klp_new_b))).link), (const void *)((klp_src_b).link), sizeof(*((klp_src_b).link)));
  if (klp_c_10) {
  ((*(struct rec *)(((*(struct big *)(klp_new_b))).link))).name = __CPROVER_allocate(sizeof(*(((*(struct rec *)((klp_src_b).link))).name)), 0);
  memcpy((void *)(((*(struct rec *)(((*(struct big *)(klp_new_b))).link))).name), (const void *)(((*(struct rec *)((klp_src_b).link))).name), sizeof(*(((*(struct rec *)((klp_src_b).link))).name)));
  klp_h_new_8 = ((*(struct rec *)(((*(struct big *)(klp_new_b))).link))).name;
  } else ((*(struct rec *)(((*(struct big *)(klp_new_b))).link))).name = 0;
  klp_h_new_9 = ((*(struct big *)(klp_new_b))).link;
  } else ((*(struct big *)(klp_new_b))).link = 0;
  if (klp_c_11) {
  ((*(struct big *)(klp_new_b))).argv = __CPROVER_allocate(sizeof(*((klp_src_b).argv)), 0);
  memcpy((void *)(((*(struct big *)(klp_new_b))).argv), (const void *)((klp_src_b).argv), sizeof(*((klp_src_b).argv)));
  if (klp_c_12) {
  (*(char * *)(((*(struct big *)(klp_new_b))).argv)) = __CPROVER_allocate(sizeof(*((*(char * *)((klp_src_b).argv)))), 0);
  memcpy((void *)((*(char * *)(((*(struct big *)(klp_new_b))).argv))), (const void *)((*(char * *)((klp_src_b).argv))), sizeof(*((*(char * *)((klp_src_b).argv)))));
  klp_h_new_10 = (*(char * *)(((*(struct big *)(klp_new_b))).argv));
  } else (*(char * *)(((*(struct big *)(klp_new_b))).argv)) = 0;
  klp_h_new_11 = ((*(struct big *)(klp_new_b))).argv;
  } else ((*(struct big *)(klp_new_b))).argv = 0;
  klp_h_new_12 = klp_new_b;
  klp_new_pa = (klp_p10_t)__CPROVER_allocate(sizeof(*pa), 0);
  memcpy((void *)klp_new_pa, (const void *)pa, sizeof(*pa));
  klp_h_new_13 = klp_new_pa;
  klp_new_many = (klp_p11_t)__CPROVER_allocate(sizeof(__typeof__(*(klp_p11_t)0)) * klp_len_many, 0);
  for (unsigned long klp_k_14 = 0; klp_k_14 < klp_len_many; klp_k_14++) memcpy((char *)klp_new_many + klp_k_14 * sizeof(klp_src_many[0]), (const void *)&klp_src_many[klp_k_14], sizeof(klp_src_many[0]));
  klp_h_new_14 = klp_new_many;
  klp_new_one = (klp_p13_t)__CPROVER_allocate(sizeof(*one), 0);
  memcpy((void *)klp_new_one, (const void *)one, sizeof(*one));
  klp_h_new_15 = klp_new_one;
  klp_new_e = (klp_p14_t)__CPROVER_allocate(sizeof(*e), 0);
  klp_h_new_16 = klp_new_e;
  klp_new_ae = (klp_p15_t)__CPROVER_allocate(sizeof(*ae), 0);
  memcpy((void *)klp_new_ae, (const void *)ae, sizeof(*ae));
  klp_h_new_17 = klp_new_ae;
  memcpy((void *)&klp_new_table, (const void *)&klp_src_15, sizeof(klp_old_table));
  klp_h_new_18 = &klp_new_table;
  memcpy((void *)&klp_new_names, (const void *)&klp_src_16, sizeof(klp_old_names));
  if (klp_c_17) {
  (klp_new_names)[0] = __CPROVER_allocate(sizeof(*((klp_src_16)[0])), 0);
  memcpy((void *)((klp_new_names)[0]), (const void *)((klp_src_16)[0]), sizeof(*((klp_src_16)[0])));
  klp_h_new_19 = (klp_new_names)[0];
  } else (klp_new_names)[0] = 0;
  if (klp_c_18) {
  (klp_new_names)[1] = __CPROVER_allocate(sizeof(*((klp_src_16)[1])), 0);
  memcpy((void *)((klp_new_names)[1]), (const void *)((klp_src_16)[1]), sizeof(*((klp_src_16)[1])));
  klp_h_new_20 = (klp_new_names)[1];
  } else (klp_new_names)[1] = 0;
  klp_h_new_21 = &klp_new_names;
  memcpy((void *)&klp_new_lots, (const void *)&klp_src_19, sizeof(klp_old_lots));
  klp_h_new_22 = &klp_new_lots;
  klp_h_new_23 = &klp_new_elock;
  /* entry reachability marker: the new version's cbmc safety run only */
  _Bool klp_w_0 = ((n == 1));
  __CPROVER_assume(klp_w_0);

  /* run each version */
  klp_ret_t klp_ret_old = klp_old_misc(a, ctx, cb, raw, rawlen, items, n, arr, m, b, pa, many, cnt, one, e, ae);
}

`

exports[`test/harness/plan.ts > TAP > rendered harness per mode (snapshots) > misc: opaque, function-pointer, array-pointer and anonymous-struct params, buffers of structs, a struct return — safety-old-outside — metadata 1`] = `
{
  "unwindset": [
    {
      "loop": "klp_harness.0",
      "bound": 3
    },
    {
      "loop": "klp_harness.1",
      "bound": 3
    },
    {
      "loop": "klp_harness.2",
      "bound": 3
    },
    {
      "loop": "klp_harness.3",
      "bound": 3
    },
    {
      "loop": "klp_harness.4",
      "bound": 3
    },
    {
      "loop": "klp_harness.5",
      "bound": 3
    },
    {
      "loop": "klp_harness.6",
      "bound": 3
    },
    {
      "loop": "klp_harness.7",
      "bound": 3
    }
  ],
  "observables": [],
  "inputs": [
    {
      "label": "rawlen",
      "variable": "rawlen"
    },
    {
      "label": "n",
      "variable": "n"
    },
    {
      "label": "m",
      "variable": "m"
    },
    {
      "label": "cnt",
      "variable": "cnt"
    },
    {
      "label": "a == NULL",
      "variable": "klp_null_a"
    },
    {
      "label": "*a",
      "variable": "klp_src_a"
    },
    {
      "label": "ctx",
      "variable": "ctx"
    },
    {
      "label": "cb",
      "variable": "cb"
    },
    {
      "label": "raw[0..rawlen)",
      "variable": "klp_src_raw"
    },
    {
      "label": "items == NULL",
      "variable": "klp_null_items"
    },
    {
      "label": "items[0..n)",
      "variable": "klp_src_items"
    },
    {
      "label": "arr[0..m)",
      "variable": "klp_src_arr"
    },
    {
      "label": "*b",
      "variable": "klp_src_b"
    },
    {
      "label": "*pa",
      "variable": "klp_in_pa"
    },
    {
      "label": "many[0..cnt)",
      "variable": "klp_src_many"
    },
    {
      "label": "*one",
      "variable": "klp_in_one"
    },
    {
      "label": "*e",
      "variable": "klp_src_e"
    },
    {
      "label": "global table",
      "variable": "klp_src_15"
    },
    {
      "label": "global names",
      "variable": "klp_src_16"
    },
    {
      "label": "global lots",
      "variable": "klp_src_19"
    }
  ],
  "checks": "all",
  "bounds": [
    "0 <= rawlen <= 2 (elements of raw)",
    "0 <= n <= 2 (elements of items)",
    "0 <= m <= 2 (elements of arr)",
    "0 <= cnt <= 2 (elements of many)"
  ]
}
`

exports[`test/harness/plan.ts > TAP > rendered harness per mode (snapshots) > misc: opaque, function-pointer, array-pointer and anonymous-struct params, buffers of structs, a struct return — safety-old-outside 1`] = `
# 1 "<klp-harness>"
/*
 * klp-verify equivalence harness for misc()
 * mode: memory safety of the old version, inputs outside claims that allow safety differences
 * Generated; re-run by hand with the command in cbmc-command.txt.
 */
void *memcpy(void *, const void *, unsigned long);
void *memset(void *, int, unsigned long);
typedef anon_t *klp_p0_t;
typedef void *klp_p1_t;
typedef int (*klp_p2_t)(int);
typedef void *klp_p3_t;
typedef unsigned klp_p4_t;
typedef struct rec *klp_p5_t;
typedef unsigned klp_p6_t;
typedef anon_t *klp_p7_t;
typedef unsigned klp_p8_t;
typedef struct big *klp_p9_t;
typedef int (*klp_p10_t)[4];
typedef anonp_t klp_p11_t;
typedef unsigned klp_p12_t;
typedef anonp_t klp_p13_t;
typedef struct empty *klp_p14_t;
typedef anonempty_t klp_p15_t;
typedef struct ret klp_ret_t;
extern klp_ret_t klp_new_misc(klp_p0_t, klp_p1_t, klp_p2_t, klp_p3_t, klp_p4_t, klp_p5_t, klp_p6_t, klp_p7_t, klp_p8_t, klp_p9_t, klp_p10_t, klp_p11_t, klp_p12_t, klp_p13_t, klp_p14_t, klp_p15_t);
extern int klp_new_table[8];
extern char *klp_new_names[2];
extern char *klp_new_lots[6];
extern struct empty klp_new_elock;
static const void *klp_h_old_1;
static const void *klp_h_new_1;
static const void *klp_h_old_2;
static const void *klp_h_new_2;
static const void *klp_h_old_3;
static const void *klp_h_new_3;
static const void *klp_h_old_4;
static const void *klp_h_new_4;
static const void *klp_h_old_5;
static const void *klp_h_new_5;
static const void *klp_h_old_6;
static const void *klp_h_new_6;
static const void *klp_h_old_7;
static const void *klp_h_new_7;
static const void *klp_h_old_8;
static const void *klp_h_new_8;
static const void *klp_h_old_9;
static const void *klp_h_new_9;
static const void *klp_h_old_10;
static const void *klp_h_new_10;
static const void *klp_h_old_11;
static const void *klp_h_new_11;
static const void *klp_h_old_12;
static const void *klp_h_new_12;
static const void *klp_h_old_13;
static const void *klp_h_new_13;
static const void *klp_h_old_14;
static const void *klp_h_new_14;
static const void *klp_h_old_15;
static const void *klp_h_new_15;
static const void *klp_h_old_16;
static const void *klp_h_new_16;
static const void *klp_h_old_17;
static const void *klp_h_new_17;
static const void *klp_h_old_18;
static const void *klp_h_new_18;
static const void *klp_h_old_19;
static const void *klp_h_new_19;
static const void *klp_h_old_20;
static const void *klp_h_new_20;
static const void *klp_h_old_21;
static const void *klp_h_new_21;
static const void *klp_h_old_22;
static const void *klp_h_new_22;
static const void *klp_h_old_23;
static const void *klp_h_new_23;
static char klp_opaque_old[1][64];
static char klp_opaque_new[1][64];
static long long klp_abs(const void *q, int v) {
  if (q == 0) return 0;
  if (__CPROVER_same_object(q, v ? klp_h_new_1 : klp_h_old_1)) return 1LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_2 : klp_h_old_2)) return 2LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_3 : klp_h_old_3)) return 3LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_4 : klp_h_old_4)) return 4LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_5 : klp_h_old_5)) return 5LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_6 : klp_h_old_6)) return 6LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_7 : klp_h_old_7)) return 7LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_8 : klp_h_old_8)) return 8LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_9 : klp_h_old_9)) return 9LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_10 : klp_h_old_10)) return 10LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_11 : klp_h_old_11)) return 11LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_12 : klp_h_old_12)) return 12LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_13 : klp_h_old_13)) return 13LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_14 : klp_h_old_14)) return 14LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_15 : klp_h_old_15)) return 15LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_16 : klp_h_old_16)) return 16LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_17 : klp_h_old_17)) return 17LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_18 : klp_h_old_18)) return 18LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_19 : klp_h_old_19)) return 19LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_20 : klp_h_old_20)) return 20LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_21 : klp_h_old_21)) return 21LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_22 : klp_h_old_22)) return 22LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_23 : klp_h_old_23)) return 23LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? (const void *)klp_opaque_new : (const void *)klp_opaque_old)) return -2LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  return -1;
}

void klp_harness(void)
{
  /* shared nondeterministic inputs and assumptions */
  klp_p4_t rawlen;
  klp_p6_t n;
  klp_p8_t m;
  klp_p12_t cnt;
  klp_p0_t a = 0;
  klp_p0_t klp_new_a = 0;
  _Bool klp_null_a;
  klp_p1_t ctx = 0;
  klp_p1_t klp_new_ctx = 0;
  unsigned char klp_opaque_in_0[64];
  memcpy(klp_opaque_old[0], klp_opaque_in_0, 64); memcpy(klp_opaque_new[0], klp_opaque_in_0, 64);
  ctx = (klp_p1_t)klp_opaque_old[0]; klp_new_ctx = (klp_p1_t)klp_opaque_new[0];
  klp_p2_t cb = 0;
  klp_p2_t klp_new_cb = 0;
  klp_p3_t raw = 0;
  klp_p3_t klp_new_raw = 0;
  __CPROVER_assume(((rawlen)) >= 0 && ((rawlen)) <= 2);
  unsigned long klp_len_raw = (unsigned long)((rawlen));
  unsigned char klp_src_raw[2];
  klp_p5_t items = 0;
  klp_p5_t klp_new_items = 0;
  _Bool klp_null_items;
  __CPROVER_assume(((n)) >= 0 && ((n)) <= 2);
  unsigned long klp_len_items = (unsigned long)((n));
  struct rec klp_src_items[2];
  memset((void *)klp_src_items, 0, sizeof(klp_src_items));
  klp_p7_t arr = 0;
  klp_p7_t klp_new_arr = 0;
  __CPROVER_assume(((m)) >= 0 && ((m)) <= 2);
  unsigned long klp_len_arr = (unsigned long)((m));
  anon_t klp_src_arr[2];
  memset((void *)klp_src_arr, 0, sizeof(klp_src_arr));
  klp_p9_t b = 0;
  klp_p9_t klp_new_b = 0;
  klp_p10_t pa = 0;
  klp_p10_t klp_new_pa = 0;
  klp_p11_t many = 0;
  klp_p11_t klp_new_many = 0;
  __CPROVER_assume(((cnt)) >= 0 && ((cnt)) <= 2);
  unsigned long klp_len_many = (unsigned long)((cnt));
  __typeof__(*(klp_p11_t)0) klp_src_many[2];
  klp_p13_t one = 0;
  klp_p13_t klp_new_one = 0;
  klp_p14_t e = 0;
  klp_p14_t klp_new_e = 0;
  klp_p15_t ae = 0;
  klp_p15_t klp_new_ae = 0;
  anon_t klp_src_a;
  _Bool klp_c_0;
  struct big klp_src_b;
  _Bool klp_c_7;
  _Bool klp_c_8;
  _Bool klp_c_9;
  _Bool klp_c_10;
  _Bool klp_c_11;
  _Bool klp_c_12;
  struct empty klp_src_e;
  __typeof__(klp_old_table) klp_src_15;
  __typeof__(klp_old_names) klp_src_16;
  _Bool klp_c_17;
  _Bool klp_c_18;
  __typeof__(klp_old_lots) klp_src_19;

  /* the same entry state for each version, in separate objects */
  if (klp_c_0) {
  (klp_src_a).p = __CPROVER_allocate(sizeof(*((klp_src_a).p)), 0);
  klp_h_old_1 = (klp_src_a).p;
  } else (klp_src_a).p = 0;
  if (!klp_null_a) {
  a = (klp_p0_t)__CPROVER_allocate(sizeof(*a), 0);
  *(anon_t *)a = klp_src_a;
  klp_h_old_2 = a;
  }
  raw = (klp_p3_t)__CPROVER_allocate(sizeof(unsigned char) * klp_len_raw, 0);
  for (unsigned long klp_k_1 = 0; klp_k_1 < klp_len_raw; klp_k_1++) ((unsigned char *)raw)[klp_k_1] = klp_src_raw[klp_k_1];
  klp_h_old_3 = raw;
  if (!klp_null_items) {
  items = (klp_p5_t)__CPROVER_allocate(sizeof(struct rec) * klp_len_items, 0);
  for (unsigned long klp_k_3 = 0; klp_k_3 < klp_len_items; klp_k_3++) ((struct rec *)items)[klp_k_3] = klp_src_items[klp_k_3];
  }
  klp_h_old_4 = items;
  arr = (klp_p7_t)__CPROVER_allocate(sizeof(anon_t) * klp_len_arr, 0);
  for (unsigned long klp_k_5 = 0; klp_k_5 < klp_len_arr; klp_k_5++) ((anon_t *)arr)[klp_k_5] = klp_src_arr[klp_k_5];
  klp_h_old_5 = arr;
  if (klp_c_7) {
  ((klp_src_b).ptrs)[0] = __CPROVER_allocate(sizeof(*(((klp_src_b).ptrs)[0])), 0);
  klp_h_old_6 = ((klp_src_b).ptrs)[0];
  } else ((klp_src_b).ptrs)[0] = 0;
  if (klp_c_8) {
  ((klp_src_b).ptrs)[1] = __CPROVER_allocate(sizeof(*(((klp_src_b).ptrs)[1])), 0);
  klp_h_old_7 = ((klp_src_b).ptrs)[1];
  } else ((klp_src_b).ptrs)[1] = 0;
  memset((void *)&((klp_src_b).many), 0, sizeof((klp_src_b).many));
  memset((void *)&((klp_src_b).un), 0, sizeof((klp_src_b).un));
  (klp_src_b).fn = 0;
  if (klp_c_9) {
  (klp_src_b).link = __CPROVER_allocate(sizeof(*((klp_src_b).link)), 0);
  if (klp_c_10) {
  ((*(struct rec *)((klp_src_b).link))).name = __CPROVER_allocate(sizeof(*(((*(struct rec *)((klp_src_b).link))).name)), 0);
  klp_h_old_8 = ((*(struct rec *)((klp_src_b).link))).name;
  } else ((*(struct rec *)((klp_src_b).link))).name = 0;
  klp_h_old_9 = (klp_src_b).link;
  } else (klp_src_b).link = 0;
  if (klp_c_11) {
  (klp_src_b).argv = __CPROVER_allocate(sizeof(*((klp_src_b).argv)), 0);
  if (klp_c_12) {
  (*(char * *)((klp_src_b).argv)) = __CPROVER_allocate(sizeof(*((*(char * *)((klp_src_b).argv)))), 0);
  klp_h_old_10 = (*(char * *)((klp_src_b).argv));
  } else (*(char * *)((klp_src_b).argv)) = 0;
  klp_h_old_11 = (klp_src_b).argv;
  } else (klp_src_b).argv = 0;
  b = (klp_p9_t)__CPROVER_allocate(sizeof(*b), 0);
  *(struct big *)b = klp_src_b;
  klp_h_old_12 = b;
  pa = (klp_p10_t)__CPROVER_allocate(sizeof(*pa), 0);
  klp_h_old_13 = pa;
  __typeof__(*pa) klp_in_pa; memcpy((void *)&klp_in_pa, (const void *)pa, sizeof(klp_in_pa));
  many = (klp_p11_t)__CPROVER_allocate(sizeof(__typeof__(*(klp_p11_t)0)) * klp_len_many, 0);
  for (unsigned long klp_k_13 = 0; klp_k_13 < klp_len_many; klp_k_13++) memcpy((char *)many + klp_k_13 * sizeof(klp_src_many[0]), (const void *)&klp_src_many[klp_k_13], sizeof(klp_src_many[0]));
  klp_h_old_14 = many;
  one = (klp_p13_t)__CPROVER_allocate(sizeof(*one), 0);
  klp_h_old_15 = one;
  __typeof__(*one) klp_in_one = *one;
  e = (klp_p14_t)__CPROVER_allocate(sizeof(*e), 0);
  klp_h_old_16 = e;
  ae = (klp_p15_t)__CPROVER_allocate(sizeof(*ae), 0);
  klp_h_old_17 = ae;
  memcpy((void *)&klp_old_table, (const void *)&klp_src_15, sizeof(klp_old_table));
  klp_h_old_18 = &klp_old_table;
  if (klp_c_17) {
  (klp_src_16)[0] = __CPROVER_allocate(sizeof(*((klp_src_16)[0])), 0);
  klp_h_old_19 = (klp_src_16)[0];
  } else (klp_src_16)[0] = 0;
  if (klp_c_18) {
  (klp_src_16)[1] = __CPROVER_allocate(sizeof(*((klp_src_16)[1])), 0);
  klp_h_old_20 = (klp_src_16)[1];
  } else (klp_src_16)[1] = 0;
  memcpy((void *)&klp_old_names, (const void *)&klp_src_16, sizeof(klp_old_names));
  klp_h_old_21 = &klp_old_names;
  memset((void *)&(klp_src_19), 0, sizeof(klp_src_19));
  memcpy((void *)&klp_old_lots, (const void *)&klp_src_19, sizeof(klp_old_lots));
  klp_h_old_22 = &klp_old_lots;
  klp_h_old_23 = &klp_old_elock;
  if (!klp_null_a) {
  klp_new_a = (klp_p0_t)__CPROVER_allocate(sizeof(*a), 0);
  *(anon_t *)klp_new_a = klp_src_a;
  if (klp_c_0) {
  ((*(anon_t *)(klp_new_a))).p = __CPROVER_allocate(sizeof(*((klp_src_a).p)), 0);
  memcpy((void *)(((*(anon_t *)(klp_new_a))).p), (const void *)((klp_src_a).p), sizeof(*((klp_src_a).p)));
  klp_h_new_1 = ((*(anon_t *)(klp_new_a))).p;
  } else ((*(anon_t *)(klp_new_a))).p = 0;
  klp_h_new_2 = klp_new_a;
  }
  klp_new_raw = (klp_p3_t)__CPROVER_allocate(sizeof(unsigned char) * klp_len_raw, 0);
  for (unsigned long klp_k_2 = 0; klp_k_2 < klp_len_raw; klp_k_2++) ((unsigned char *)klp_new_raw)[klp_k_2] = klp_src_raw[klp_k_2];
  klp_h_new_3 = klp_new_raw;
  if (!klp_null_items) {
  klp_new_items = (klp_p5_t)__CPROVER_allocate(sizeof(struct rec) * klp_len_items, 0);
  for (unsigned long klp_k_4 = 0; klp_k_4 < klp_len_items; klp_k_4++) ((struct rec *)klp_new_items)[klp_k_4] = klp_src_items[klp_k_4];
  }
  klp_h_new_4 = klp_new_items;
  klp_new_arr = (klp_p7_t)__CPROVER_allocate(sizeof(anon_t) * klp_len_arr, 0);
  for (unsigned long klp_k_6 = 0; klp_k_6 < klp_len_arr; klp_k_6++) ((anon_t *)klp_new_arr)[klp_k_6] = klp_src_arr[klp_k_6];
  klp_h_new_5 = klp_new_arr;
  klp_new_b = (klp_p9_t)__CPROVER_allocate(sizeof(*b), 0);
  *(struct big *)klp_new_b = klp_src_b;
  if (klp_c_7) {
  (((*(struct big *)(klp_new_b))).ptrs)[0] = __CPROVER_allocate(sizeof(*(((klp_src_b).ptrs)[0])), 0);
  memcpy((void *)((((*(struct big *)(klp_new_b))).ptrs)[0]), (const void *)(((klp_src_b).ptrs)[0]), sizeof(*(((klp_src_b).ptrs)[0])));
  klp_h_new_6 = (((*(struct big *)(klp_new_b))).ptrs)[0];
  } else (((*(struct big *)(klp_new_b))).ptrs)[0] = 0;
  if (klp_c_8) {
  (((*(struct big *)(klp_new_b))).ptrs)[1] = __CPROVER_allocate(sizeof(*(((klp_src_b).ptrs)[1])), 0);
  memcpy((void *)((((*(struct big *)(klp_new_b))).ptrs)[1]), (const void *)(((klp_src_b).ptrs)[1]), sizeof(*(((klp_src_b).ptrs)[1])));
  klp_h_new_7 = (((*(struct big *)(klp_new_b))).ptrs)[1];
  } else (((*(struct big *)(klp_new_b))).ptrs)[1] = 0;
  if (klp_c_9) {
  ((*(struct big *)(klp_new_b))).link = __CPROVER_allocate(sizeof(*((klp_src_b).link)), 0);
  memcpy((void *)(((*(struct big *)(klp_new_b))).link), (const void *)((klp_src_b).link), sizeof(*((klp_src_b).link)));
  if (klp_c_10) {
  ((*(struct rec *)(((*(struct big *)(klp_new_b))).link))).name = __CPROVER_allocate(sizeof(*(((*(struct rec *)((klp_src_b).link))).name)), 0);
  memcpy((void *)(((*(struct rec *)(((*(struct big *)(klp_new_b))).link))).name), (const void *)(((*(struct rec *)((klp_src_b).link))).name), sizeof(*(((*(struct rec *)((klp_src_b).link))).name)));
  klp_h_new_8 = ((*(struct rec *)(((*(struct big *)(klp_new_b))).link))).name;
  } else ((*(struct rec *)(((*(struct big *)(klp_new_b))).link))).name = 0;
  klp_h_new_9 = ((*(struct big *)(klp_new_b))).link;
  } else ((*(struct big *)(klp_new_b))).link = 0;
  if (klp_c_11) {
  ((*(struct big *)(klp_new_b))).argv = __CPROVER_allocate(sizeof(*((klp_src_b).argv)), 0);
  memcpy((void *)(((*(struct big *)(klp_new_b))).argv), (const void *)((klp_src_b).argv), sizeof(*((klp_src_b).argv)));
  if (klp_c_12) {
  (*(char * *)(((*(struct big *)(klp_new_b))).argv)) = __CPROVER_allocate(sizeof(*((*(char * *)((klp_src_b).argv)))), 0);
  memcpy((void *)((*(char * *)(((*(struct big *)(klp_new_b))).argv))), (const void *)((*(char * *)((klp_src_b).argv))), sizeof(*((*(char * *)((klp_src_b).argv)))));
  klp_h_new_10 = (*(char * *)(((*(struct big *)(klp_new_b))).argv));
  } else (*(char * *)(((*(struct big *)(klp_new_b))).argv)) = 0;
  klp_h_new_11 = ((*(struct big *)(klp_new_b))).argv;
  } else ((*(struct big *)(klp_new_b))).argv = 0;
  klp_h_new_12 = klp_new_b;
  klp_new_pa = (klp_p10_t)__CPROVER_allocate(sizeof(*pa), 0);
  memcpy((void *)klp_new_pa, (const void *)pa, sizeof(*pa));
  klp_h_new_13 = klp_new_pa;
  klp_new_many = (klp_p11_t)__CPROVER_allocate(sizeof(__typeof__(*(klp_p11_t)0)) * klp_len_many, 0);
  for (unsigned long klp_k_14 = 0; klp_k_14 < klp_len_many; klp_k_14++) memcpy((char *)klp_new_many + klp_k_14 * sizeof(klp_src_many[0]), (const void *)&klp_src_many[klp_k_14], sizeof(klp_src_many[0]));
  klp_h_new_14 = klp_new_many;
  klp_new_one = (klp_p13_t)__CPROVER_allocate(sizeof(*one), 0);
  memcpy((void *)klp_new_one, (const void *)one, sizeof(*one));
  klp_h_new_15 = klp_new_one;
  klp_new_e = (klp_p14_t)__CPROVER_allocate(sizeof(*e), 0);
  klp_h_new_16 = klp_new_e;
  klp_new_ae = (klp_p15_t)__CPROVER_allocate(sizeof(*ae), 0);
  memcpy((void *)klp_new_ae, (const void *)ae, sizeof(*ae));
  klp_h_new_17 = klp_new_ae;
  memcpy((void *)&klp_new_table, (const void *)&klp_src_15, sizeof(klp_old_table));
  klp_h_new_18 = &klp_new_table;
  memcpy((void *)&klp_new_names, (const void *)&klp_src_16, sizeof(klp_old_names));
  if (klp_c_17) {
  (klp_new_names)[0] = __CPROVER_allocate(sizeof(*((klp_src_16)[0])), 0);
  memcpy((void *)((klp_new_names)[0]), (const void *)((klp_src_16)[0]), sizeof(*((klp_src_16)[0])));
  klp_h_new_19 = (klp_new_names)[0];
  } else (klp_new_names)[0] = 0;
  if (klp_c_18) {
  (klp_new_names)[1] = __CPROVER_allocate(sizeof(*((klp_src_16)[1])), 0);
  memcpy((void *)((klp_new_names)[1]), (const void *)((klp_src_16)[1]), sizeof(*((klp_src_16)[1])));
  klp_h_new_20 = (klp_new_names)[1];
  } else (klp_new_names)[1] = 0;
  klp_h_new_21 = &klp_new_names;
  memcpy((void *)&klp_new_lots, (const void *)&klp_src_19, sizeof(klp_old_lots));
  klp_h_new_22 = &klp_new_lots;
  klp_h_new_23 = &klp_new_elock;
  /* entry reachability marker: the new version's cbmc safety run only */
  _Bool klp_w_0 = ((n == 1));
  __CPROVER_assume(!klp_w_0);

  /* run each version */
  klp_ret_t klp_ret_old = klp_old_misc(a, ctx, cb, raw, rawlen, items, n, arr, m, b, pa, many, cnt, one, e, ae);
}

`

exports[`test/harness/plan.ts > TAP > rendered harness per mode (snapshots) > msg_fill: buffer param, struct pointer with an array field, claim with THEN, assumption through a pointer — claim-0 — metadata 1`] = `
{
  "unwindset": [
    {
      "loop": "klp_harness.0",
      "bound": 13
    },
    {
      "loop": "klp_harness.1",
      "bound": 13
    },
    {
      "loop": "klp_harness.2",
      "bound": 9
    },
    {
      "loop": "klp_harness.3",
      "bound": 13
    }
  ],
  "observables": [
    {
      "index": 0,
      "kind": "return",
      "label": "return",
      "leaves": [
        {
          "label": "return",
          "oldVar": "klp_o_2",
          "newVar": "klp_n_2"
        }
      ]
    },
    {
      "index": 1,
      "kind": "memory",
      "label": "memory *m",
      "leaves": [
        {
          "label": "m->type",
          "oldVar": "klp_o_3",
          "newVar": "klp_n_3"
        },
        {
          "label": "m->len",
          "oldVar": "klp_o_4",
          "newVar": "klp_n_4"
        }
      ],
      "arrayDiff": {
        "index": "klp_di_5",
        "oldVar": "klp_o_5",
        "newVar": "klp_n_5",
        "elem": "m->payload"
      }
    },
    {
      "index": 2,
      "kind": "memory",
      "label": "memory buf[0..len)",
      "leaves": [],
      "arrayDiff": {
        "index": "klp_di_6",
        "oldVar": "klp_o_6",
        "newVar": "klp_n_6",
        "elem": "buf[]"
      }
    }
  ],
  "inputs": [
    {
      "label": "len",
      "variable": "len"
    },
    {
      "label": "*m",
      "variable": "klp_src_m"
    },
    {
      "label": "buf[0..len)",
      "variable": "klp_src_buf"
    }
  ],
  "checks": "none",
  "bounds": [
    "0 <= len <= 12 (elements of buf)"
  ]
}
`

exports[`test/harness/plan.ts > TAP > rendered harness per mode (snapshots) > msg_fill: buffer param, struct pointer with an array field, claim with THEN, assumption through a pointer — claim-0 1`] = `
# 1 "<klp-harness>"
/*
 * klp-verify equivalence harness for msg_fill()
 * mode: inside claim reject-long
 * Generated; re-run by hand with the command in cbmc-command.txt.
 */
void *memcpy(void *, const void *, unsigned long);
void *memset(void *, int, unsigned long);
typedef struct msg *klp_p0_t;
typedef const u8 *klp_p1_t;
typedef size_t klp_p2_t;
typedef int klp_ret_t;
extern klp_ret_t klp_new_msg_fill(klp_p0_t, klp_p1_t, klp_p2_t);
static const void *klp_h_old_1;
static const void *klp_h_new_1;
static const void *klp_h_old_2;
static const void *klp_h_new_2;
static char klp_opaque_old[1][64];
static char klp_opaque_new[1][64];
static long long klp_abs(const void *q, int v) {
  if (q == 0) return 0;
  if (__CPROVER_same_object(q, v ? klp_h_new_1 : klp_h_old_1)) return 1LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_2 : klp_h_old_2)) return 2LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? (const void *)klp_opaque_new : (const void *)klp_opaque_old)) return -2LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  return -1;
}

void klp_harness(void)
{
  /* shared nondeterministic inputs and assumptions */
  klp_p2_t len;
  klp_p0_t m = 0;
  klp_p0_t klp_new_m = 0;
  klp_p1_t buf = 0;
  klp_p1_t klp_new_buf = 0;
  __CPROVER_assume(((len)) >= 0 && ((len)) <= 12);
  unsigned long klp_len_buf = (unsigned long)((len));
  u8 klp_src_buf[12];
  struct msg klp_src_m;

  /* the same entry state for each version, in separate objects */
  m = (klp_p0_t)__CPROVER_allocate(sizeof(*m), 0);
  *(struct msg *)m = klp_src_m;
  klp_h_old_1 = m;
  buf = (klp_p1_t)__CPROVER_allocate(sizeof(u8) * klp_len_buf, 0);
  for (unsigned long klp_k_0 = 0; klp_k_0 < klp_len_buf; klp_k_0++) ((u8 *)buf)[klp_k_0] = klp_src_buf[klp_k_0];
  klp_h_old_2 = buf;
  klp_new_m = (klp_p0_t)__CPROVER_allocate(sizeof(*m), 0);
  *(struct msg *)klp_new_m = klp_src_m;
  klp_h_new_1 = klp_new_m;
  klp_new_buf = (klp_p1_t)__CPROVER_allocate(sizeof(u8) * klp_len_buf, 0);
  for (unsigned long klp_k_1 = 0; klp_k_1 < klp_len_buf; klp_k_1++) ((u8 *)klp_new_buf)[klp_k_1] = klp_src_buf[klp_k_1];
  klp_h_new_2 = klp_new_buf;
  __CPROVER_assume((m->type != 3));
  /* entry reachability marker: the new version's cbmc safety run only */
  _Bool klp_w_0 = (((len > 8)));
  __CPROVER_assume(klp_w_0);

  /* run each version */
  klp_ret_t klp_ret_old = klp_old_msg_fill(m, buf, len);
  klp_ret_t klp_ret_new = klp_new_msg_fill(klp_new_m, klp_new_buf, len);

  /* compare every observable, each as its own property */
  __typeof__((klp_ret_old) + 0) klp_o_2 = (klp_ret_old);
  __typeof__((klp_ret_new) + 0) klp_n_2 = (klp_ret_new);
  _Bool klp_same_0 = (klp_o_2 == klp_n_2);
  __CPROVER_assert(klp_w_0 || klp_same_0, "KLP_EQ 0 return");
  __typeof__((((*(struct msg *)(m))).type) + 0) klp_o_3 = (((*(struct msg *)(m))).type);
  __typeof__((((*(struct msg *)(klp_new_m))).type) + 0) klp_n_3 = (((*(struct msg *)(klp_new_m))).type);
  __typeof__((((*(struct msg *)(m))).len) + 0) klp_o_4 = (((*(struct msg *)(m))).len);
  __typeof__((((*(struct msg *)(klp_new_m))).len) + 0) klp_n_4 = (((*(struct msg *)(klp_new_m))).len);
  _Bool klp_eq_5 = 1; unsigned long klp_di_5 = 0;
  for (unsigned long klp_i_5 = 0; klp_i_5 < (unsigned long)(8); klp_i_5++) if (!(((((*(struct msg *)(m))).payload)[klp_i_5]) == ((((*(struct msg *)(klp_new_m))).payload)[klp_i_5]))) { if (klp_eq_5) klp_di_5 = klp_i_5; klp_eq_5 = 0; }
  __typeof__((((*(struct msg *)(m))).payload)[0] + 0) klp_o_5 = klp_eq_5 ? 0 : (((*(struct msg *)(m))).payload)[klp_di_5];
  __typeof__((((*(struct msg *)(klp_new_m))).payload)[0] + 0) klp_n_5 = klp_eq_5 ? 0 : (((*(struct msg *)(klp_new_m))).payload)[klp_di_5];
  _Bool klp_same_1 = (klp_o_3 == klp_n_3 && klp_o_4 == klp_n_4 && klp_eq_5);
  __CPROVER_assert(klp_w_0 || klp_same_1, "KLP_EQ 1 memory *m");
  _Bool klp_eq_6 = 1; unsigned long klp_di_6 = 0;
  for (unsigned long klp_i_6 = 0; klp_i_6 < (unsigned long)(klp_len_buf); klp_i_6++) if (!(((buf)[klp_i_6]) == ((klp_new_buf)[klp_i_6]))) { if (klp_eq_6) klp_di_6 = klp_i_6; klp_eq_6 = 0; }
  __typeof__((buf)[0] + 0) klp_o_6 = klp_eq_6 ? 0 : (buf)[klp_di_6];
  __typeof__((klp_new_buf)[0] + 0) klp_n_6 = klp_eq_6 ? 0 : (klp_new_buf)[klp_di_6];
  _Bool klp_same_2 = (klp_eq_6);
  __CPROVER_assert(klp_w_0 || klp_same_2, "KLP_EQ 2 memory buf[0..len)");
  __CPROVER_assert(klp_same_0 && klp_same_1 && klp_same_2, "KLP_REACH 0 reject-long");
  __CPROVER_assert((klp_ret_new == -22), "KLP_THEN 0 reject-long");
}

`

exports[`test/harness/plan.ts > TAP > rendered harness per mode (snapshots) > msg_fill: buffer param, struct pointer with an array field, claim with THEN, assumption through a pointer — equiv — metadata 1`] = `
{
  "unwindset": [
    {
      "loop": "klp_harness.0",
      "bound": 13
    },
    {
      "loop": "klp_harness.1",
      "bound": 13
    },
    {
      "loop": "klp_harness.2",
      "bound": 9
    },
    {
      "loop": "klp_harness.3",
      "bound": 13
    }
  ],
  "observables": [
    {
      "index": 0,
      "kind": "return",
      "label": "return",
      "leaves": [
        {
          "label": "return",
          "oldVar": "klp_o_2",
          "newVar": "klp_n_2"
        }
      ]
    },
    {
      "index": 1,
      "kind": "memory",
      "label": "memory *m",
      "leaves": [
        {
          "label": "m->type",
          "oldVar": "klp_o_3",
          "newVar": "klp_n_3"
        },
        {
          "label": "m->len",
          "oldVar": "klp_o_4",
          "newVar": "klp_n_4"
        }
      ],
      "arrayDiff": {
        "index": "klp_di_5",
        "oldVar": "klp_o_5",
        "newVar": "klp_n_5",
        "elem": "m->payload"
      }
    },
    {
      "index": 2,
      "kind": "memory",
      "label": "memory buf[0..len)",
      "leaves": [],
      "arrayDiff": {
        "index": "klp_di_6",
        "oldVar": "klp_o_6",
        "newVar": "klp_n_6",
        "elem": "buf[]"
      }
    }
  ],
  "inputs": [
    {
      "label": "len",
      "variable": "len"
    },
    {
      "label": "*m",
      "variable": "klp_src_m"
    },
    {
      "label": "buf[0..len)",
      "variable": "klp_src_buf"
    }
  ],
  "checks": "none",
  "bounds": [
    "0 <= len <= 12 (elements of buf)"
  ]
}
`

exports[`test/harness/plan.ts > TAP > rendered harness per mode (snapshots) > msg_fill: buffer param, struct pointer with an array field, claim with THEN, assumption through a pointer — equiv 1`] = `
# 1 "<klp-harness>"
/*
 * klp-verify equivalence harness for msg_fill()
 * mode: equivalence outside every claim
 * Generated; re-run by hand with the command in cbmc-command.txt.
 */
void *memcpy(void *, const void *, unsigned long);
void *memset(void *, int, unsigned long);
typedef struct msg *klp_p0_t;
typedef const u8 *klp_p1_t;
typedef size_t klp_p2_t;
typedef int klp_ret_t;
extern klp_ret_t klp_new_msg_fill(klp_p0_t, klp_p1_t, klp_p2_t);
static const void *klp_h_old_1;
static const void *klp_h_new_1;
static const void *klp_h_old_2;
static const void *klp_h_new_2;
static char klp_opaque_old[1][64];
static char klp_opaque_new[1][64];
static long long klp_abs(const void *q, int v) {
  if (q == 0) return 0;
  if (__CPROVER_same_object(q, v ? klp_h_new_1 : klp_h_old_1)) return 1LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_2 : klp_h_old_2)) return 2LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? (const void *)klp_opaque_new : (const void *)klp_opaque_old)) return -2LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  return -1;
}

void klp_harness(void)
{
  /* shared nondeterministic inputs and assumptions */
  klp_p2_t len;
  klp_p0_t m = 0;
  klp_p0_t klp_new_m = 0;
  klp_p1_t buf = 0;
  klp_p1_t klp_new_buf = 0;
  __CPROVER_assume(((len)) >= 0 && ((len)) <= 12);
  unsigned long klp_len_buf = (unsigned long)((len));
  u8 klp_src_buf[12];
  struct msg klp_src_m;

  /* the same entry state for each version, in separate objects */
  m = (klp_p0_t)__CPROVER_allocate(sizeof(*m), 0);
  *(struct msg *)m = klp_src_m;
  klp_h_old_1 = m;
  buf = (klp_p1_t)__CPROVER_allocate(sizeof(u8) * klp_len_buf, 0);
  for (unsigned long klp_k_0 = 0; klp_k_0 < klp_len_buf; klp_k_0++) ((u8 *)buf)[klp_k_0] = klp_src_buf[klp_k_0];
  klp_h_old_2 = buf;
  klp_new_m = (klp_p0_t)__CPROVER_allocate(sizeof(*m), 0);
  *(struct msg *)klp_new_m = klp_src_m;
  klp_h_new_1 = klp_new_m;
  klp_new_buf = (klp_p1_t)__CPROVER_allocate(sizeof(u8) * klp_len_buf, 0);
  for (unsigned long klp_k_1 = 0; klp_k_1 < klp_len_buf; klp_k_1++) ((u8 *)klp_new_buf)[klp_k_1] = klp_src_buf[klp_k_1];
  klp_h_new_2 = klp_new_buf;
  __CPROVER_assume((m->type != 3));
  /* entry reachability marker: the new version's cbmc safety run only */
  _Bool klp_w_0 = (((len > 8)));
  __CPROVER_assume(!klp_w_0);

  /* run each version */
  klp_ret_t klp_ret_old = klp_old_msg_fill(m, buf, len);
  klp_ret_t klp_ret_new = klp_new_msg_fill(klp_new_m, klp_new_buf, len);

  /* compare every observable, each as its own property */
  __typeof__((klp_ret_old) + 0) klp_o_2 = (klp_ret_old);
  __typeof__((klp_ret_new) + 0) klp_n_2 = (klp_ret_new);
  _Bool klp_same_0 = (klp_o_2 == klp_n_2);
  __CPROVER_assert(klp_w_0 || klp_same_0, "KLP_EQ 0 return");
  __typeof__((((*(struct msg *)(m))).type) + 0) klp_o_3 = (((*(struct msg *)(m))).type);
  __typeof__((((*(struct msg *)(klp_new_m))).type) + 0) klp_n_3 = (((*(struct msg *)(klp_new_m))).type);
  __typeof__((((*(struct msg *)(m))).len) + 0) klp_o_4 = (((*(struct msg *)(m))).len);
  __typeof__((((*(struct msg *)(klp_new_m))).len) + 0) klp_n_4 = (((*(struct msg *)(klp_new_m))).len);
  _Bool klp_eq_5 = 1; unsigned long klp_di_5 = 0;
  for (unsigned long klp_i_5 = 0; klp_i_5 < (unsigned long)(8); klp_i_5++) if (!(((((*(struct msg *)(m))).payload)[klp_i_5]) == ((((*(struct msg *)(klp_new_m))).payload)[klp_i_5]))) { if (klp_eq_5) klp_di_5 = klp_i_5; klp_eq_5 = 0; }
  __typeof__((((*(struct msg *)(m))).payload)[0] + 0) klp_o_5 = klp_eq_5 ? 0 : (((*(struct msg *)(m))).payload)[klp_di_5];
  __typeof__((((*(struct msg *)(klp_new_m))).payload)[0] + 0) klp_n_5 = klp_eq_5 ? 0 : (((*(struct msg *)(klp_new_m))).payload)[klp_di_5];
  _Bool klp_same_1 = (klp_o_3 == klp_n_3 && klp_o_4 == klp_n_4 && klp_eq_5);
  __CPROVER_assert(klp_w_0 || klp_same_1, "KLP_EQ 1 memory *m");
  _Bool klp_eq_6 = 1; unsigned long klp_di_6 = 0;
  for (unsigned long klp_i_6 = 0; klp_i_6 < (unsigned long)(klp_len_buf); klp_i_6++) if (!(((buf)[klp_i_6]) == ((klp_new_buf)[klp_i_6]))) { if (klp_eq_6) klp_di_6 = klp_i_6; klp_eq_6 = 0; }
  __typeof__((buf)[0] + 0) klp_o_6 = klp_eq_6 ? 0 : (buf)[klp_di_6];
  __typeof__((klp_new_buf)[0] + 0) klp_n_6 = klp_eq_6 ? 0 : (klp_new_buf)[klp_di_6];
  _Bool klp_same_2 = (klp_eq_6);
  __CPROVER_assert(klp_w_0 || klp_same_2, "KLP_EQ 2 memory buf[0..len)");
}

`

exports[`test/harness/plan.ts > TAP > rendered harness per mode (snapshots) > msg_fill: buffer param, struct pointer with an array field, claim with THEN, assumption through a pointer — safety-new — metadata 1`] = `
{
  "unwindset": [
    {
      "loop": "klp_harness.0",
      "bound": 13
    },
    {
      "loop": "klp_harness.1",
      "bound": 13
    }
  ],
  "observables": [],
  "inputs": [
    {
      "label": "len",
      "variable": "len"
    },
    {
      "label": "*m",
      "variable": "klp_src_m"
    },
    {
      "label": "buf[0..len)",
      "variable": "klp_src_buf"
    }
  ],
  "checks": "all",
  "bounds": [
    "0 <= len <= 12 (elements of buf)"
  ]
}
`

exports[`test/harness/plan.ts > TAP > rendered harness per mode (snapshots) > msg_fill: buffer param, struct pointer with an array field, claim with THEN, assumption through a pointer — safety-new 1`] = `
# 1 "<klp-harness>"
/*
 * klp-verify equivalence harness for msg_fill()
 * mode: memory safety of the new version, all inputs
 * Generated; re-run by hand with the command in cbmc-command.txt.
 */
void *memcpy(void *, const void *, unsigned long);
void *memset(void *, int, unsigned long);
typedef struct msg *klp_p0_t;
typedef const u8 *klp_p1_t;
typedef size_t klp_p2_t;
typedef int klp_ret_t;
extern klp_ret_t klp_new_msg_fill(klp_p0_t, klp_p1_t, klp_p2_t);
static const void *klp_h_old_1;
static const void *klp_h_new_1;
static const void *klp_h_old_2;
static const void *klp_h_new_2;
static char klp_opaque_old[1][64];
static char klp_opaque_new[1][64];
static long long klp_abs(const void *q, int v) {
  if (q == 0) return 0;
  if (__CPROVER_same_object(q, v ? klp_h_new_1 : klp_h_old_1)) return 1LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_2 : klp_h_old_2)) return 2LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? (const void *)klp_opaque_new : (const void *)klp_opaque_old)) return -2LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  return -1;
}

void klp_harness(void)
{
  /* shared nondeterministic inputs and assumptions */
  klp_p2_t len;
  klp_p0_t m = 0;
  klp_p0_t klp_new_m = 0;
  klp_p1_t buf = 0;
  klp_p1_t klp_new_buf = 0;
  __CPROVER_assume(((len)) >= 0 && ((len)) <= 12);
  unsigned long klp_len_buf = (unsigned long)((len));
  u8 klp_src_buf[12];
  struct msg klp_src_m;

  /* the same entry state for each version, in separate objects */
  m = (klp_p0_t)__CPROVER_allocate(sizeof(*m), 0);
  *(struct msg *)m = klp_src_m;
  klp_h_old_1 = m;
  buf = (klp_p1_t)__CPROVER_allocate(sizeof(u8) * klp_len_buf, 0);
  for (unsigned long klp_k_0 = 0; klp_k_0 < klp_len_buf; klp_k_0++) ((u8 *)buf)[klp_k_0] = klp_src_buf[klp_k_0];
  klp_h_old_2 = buf;
  klp_new_m = (klp_p0_t)__CPROVER_allocate(sizeof(*m), 0);
  *(struct msg *)klp_new_m = klp_src_m;
  klp_h_new_1 = klp_new_m;
  klp_new_buf = (klp_p1_t)__CPROVER_allocate(sizeof(u8) * klp_len_buf, 0);
  for (unsigned long klp_k_1 = 0; klp_k_1 < klp_len_buf; klp_k_1++) ((u8 *)klp_new_buf)[klp_k_1] = klp_src_buf[klp_k_1];
  klp_h_new_2 = klp_new_buf;
  __CPROVER_assume((m->type != 3));
  __CPROVER_assert(0, "KLP_ENTRY the entry assumptions can be satisfied");
  _Bool klp_w_0 = (((len > 8)));

  /* run each version */
  klp_ret_t klp_ret_new = klp_new_msg_fill(klp_new_m, klp_new_buf, len);
}

`

exports[`test/harness/plan.ts > TAP > rendered harness per mode (snapshots) > msg_fill: buffer param, struct pointer with an array field, claim with THEN, assumption through a pointer — safety-old-claim-0 — metadata 1`] = `
{
  "unwindset": [
    {
      "loop": "klp_harness.0",
      "bound": 13
    },
    {
      "loop": "klp_harness.1",
      "bound": 13
    }
  ],
  "observables": [],
  "inputs": [
    {
      "label": "len",
      "variable": "len"
    },
    {
      "label": "*m",
      "variable": "klp_src_m"
    },
    {
      "label": "buf[0..len)",
      "variable": "klp_src_buf"
    }
  ],
  "checks": "all",
  "bounds": [
    "0 <= len <= 12 (elements of buf)"
  ]
}
`

exports[`test/harness/plan.ts > TAP > rendered harness per mode (snapshots) > msg_fill: buffer param, struct pointer with an array field, claim with THEN, assumption through a pointer — safety-old-claim-0 1`] = `
# 1 "<klp-harness>"
/*
 * klp-verify equivalence harness for msg_fill()
 * mode: memory safety of the old version, inside claim reject-long
 * Generated; re-run by hand with the command in cbmc-command.txt.
 */
void *memcpy(void *, const void *, unsigned long);
void *memset(void *, int, unsigned long);
typedef struct msg *klp_p0_t;
typedef const u8 *klp_p1_t;
typedef size_t klp_p2_t;
typedef int klp_ret_t;
extern klp_ret_t klp_new_msg_fill(klp_p0_t, klp_p1_t, klp_p2_t);
static const void *klp_h_old_1;
static const void *klp_h_new_1;
static const void *klp_h_old_2;
static const void *klp_h_new_2;
static char klp_opaque_old[1][64];
static char klp_opaque_new[1][64];
static long long klp_abs(const void *q, int v) {
  if (q == 0) return 0;
  if (__CPROVER_same_object(q, v ? klp_h_new_1 : klp_h_old_1)) return 1LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_2 : klp_h_old_2)) return 2LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? (const void *)klp_opaque_new : (const void *)klp_opaque_old)) return -2LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  return -1;
}

void klp_harness(void)
{
  /* shared nondeterministic inputs and assumptions */
  klp_p2_t len;
  klp_p0_t m = 0;
  klp_p0_t klp_new_m = 0;
  klp_p1_t buf = 0;
  klp_p1_t klp_new_buf = 0;
  __CPROVER_assume(((len)) >= 0 && ((len)) <= 12);
  unsigned long klp_len_buf = (unsigned long)((len));
  u8 klp_src_buf[12];
  struct msg klp_src_m;

  /* the same entry state for each version, in separate objects */
  m = (klp_p0_t)__CPROVER_allocate(sizeof(*m), 0);
  *(struct msg *)m = klp_src_m;
  klp_h_old_1 = m;
  buf = (klp_p1_t)__CPROVER_allocate(sizeof(u8) * klp_len_buf, 0);
  for (unsigned long klp_k_0 = 0; klp_k_0 < klp_len_buf; klp_k_0++) ((u8 *)buf)[klp_k_0] = klp_src_buf[klp_k_0];
  klp_h_old_2 = buf;
  klp_new_m = (klp_p0_t)__CPROVER_allocate(sizeof(*m), 0);
  *(struct msg *)klp_new_m = klp_src_m;
  klp_h_new_1 = klp_new_m;
  klp_new_buf = (klp_p1_t)__CPROVER_allocate(sizeof(u8) * klp_len_buf, 0);
  for (unsigned long klp_k_1 = 0; klp_k_1 < klp_len_buf; klp_k_1++) ((u8 *)klp_new_buf)[klp_k_1] = klp_src_buf[klp_k_1];
  klp_h_new_2 = klp_new_buf;
  __CPROVER_assume((m->type != 3));
  /* entry reachability marker: the new version's cbmc safety run only */
  _Bool klp_w_0 = (((len > 8)));
  __CPROVER_assume(klp_w_0);

  /* run each version */
  klp_ret_t klp_ret_old = klp_old_msg_fill(m, buf, len);
}

`

exports[`test/harness/plan.ts > TAP > rendered harness per mode (snapshots) > msg_fill: buffer param, struct pointer with an array field, claim with THEN, assumption through a pointer — safety-old-outside — metadata 1`] = `
{
  "unwindset": [
    {
      "loop": "klp_harness.0",
      "bound": 13
    },
    {
      "loop": "klp_harness.1",
      "bound": 13
    }
  ],
  "observables": [],
  "inputs": [
    {
      "label": "len",
      "variable": "len"
    },
    {
      "label": "*m",
      "variable": "klp_src_m"
    },
    {
      "label": "buf[0..len)",
      "variable": "klp_src_buf"
    }
  ],
  "checks": "all",
  "bounds": [
    "0 <= len <= 12 (elements of buf)"
  ]
}
`

exports[`test/harness/plan.ts > TAP > rendered harness per mode (snapshots) > msg_fill: buffer param, struct pointer with an array field, claim with THEN, assumption through a pointer — safety-old-outside 1`] = `
# 1 "<klp-harness>"
/*
 * klp-verify equivalence harness for msg_fill()
 * mode: memory safety of the old version, inputs outside claims that allow safety differences
 * Generated; re-run by hand with the command in cbmc-command.txt.
 */
void *memcpy(void *, const void *, unsigned long);
void *memset(void *, int, unsigned long);
typedef struct msg *klp_p0_t;
typedef const u8 *klp_p1_t;
typedef size_t klp_p2_t;
typedef int klp_ret_t;
extern klp_ret_t klp_new_msg_fill(klp_p0_t, klp_p1_t, klp_p2_t);
static const void *klp_h_old_1;
static const void *klp_h_new_1;
static const void *klp_h_old_2;
static const void *klp_h_new_2;
static char klp_opaque_old[1][64];
static char klp_opaque_new[1][64];
static long long klp_abs(const void *q, int v) {
  if (q == 0) return 0;
  if (__CPROVER_same_object(q, v ? klp_h_new_1 : klp_h_old_1)) return 1LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_2 : klp_h_old_2)) return 2LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? (const void *)klp_opaque_new : (const void *)klp_opaque_old)) return -2LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  return -1;
}

void klp_harness(void)
{
  /* shared nondeterministic inputs and assumptions */
  klp_p2_t len;
  klp_p0_t m = 0;
  klp_p0_t klp_new_m = 0;
  klp_p1_t buf = 0;
  klp_p1_t klp_new_buf = 0;
  __CPROVER_assume(((len)) >= 0 && ((len)) <= 12);
  unsigned long klp_len_buf = (unsigned long)((len));
  u8 klp_src_buf[12];
  struct msg klp_src_m;

  /* the same entry state for each version, in separate objects */
  m = (klp_p0_t)__CPROVER_allocate(sizeof(*m), 0);
  *(struct msg *)m = klp_src_m;
  klp_h_old_1 = m;
  buf = (klp_p1_t)__CPROVER_allocate(sizeof(u8) * klp_len_buf, 0);
  for (unsigned long klp_k_0 = 0; klp_k_0 < klp_len_buf; klp_k_0++) ((u8 *)buf)[klp_k_0] = klp_src_buf[klp_k_0];
  klp_h_old_2 = buf;
  klp_new_m = (klp_p0_t)__CPROVER_allocate(sizeof(*m), 0);
  *(struct msg *)klp_new_m = klp_src_m;
  klp_h_new_1 = klp_new_m;
  klp_new_buf = (klp_p1_t)__CPROVER_allocate(sizeof(u8) * klp_len_buf, 0);
  for (unsigned long klp_k_1 = 0; klp_k_1 < klp_len_buf; klp_k_1++) ((u8 *)klp_new_buf)[klp_k_1] = klp_src_buf[klp_k_1];
  klp_h_new_2 = klp_new_buf;
  __CPROVER_assume((m->type != 3));
  /* entry reachability marker: the new version's cbmc safety run only */
  _Bool klp_w_0 = (((len > 8)));
  __CPROVER_assume(!klp_w_0);

  /* run each version */
  klp_ret_t klp_ret_old = klp_old_msg_fill(m, buf, len);
}

`

exports[`test/harness/plan.ts > TAP > rendered harness per mode (snapshots) > tick: no parameters — equiv — metadata 1`] = `
{
  "unwindset": [],
  "observables": [
    {
      "index": 0,
      "kind": "return",
      "label": "return",
      "leaves": [
        {
          "label": "return",
          "oldVar": "klp_o_1",
          "newVar": "klp_n_1"
        }
      ]
    },
    {
      "index": 1,
      "kind": "globals",
      "label": "global ticks",
      "leaves": [
        {
          "label": "ticks",
          "oldVar": "klp_o_2",
          "newVar": "klp_n_2"
        }
      ]
    }
  ],
  "inputs": [
    {
      "label": "global ticks",
      "variable": "klp_src_0"
    }
  ],
  "checks": "none",
  "bounds": []
}
`

exports[`test/harness/plan.ts > TAP > rendered harness per mode (snapshots) > tick: no parameters — equiv 1`] = `
# 1 "<klp-harness>"
/*
 * klp-verify equivalence harness for tick()
 * mode: equivalence outside every claim
 * Generated; re-run by hand with the command in cbmc-command.txt.
 */
void *memcpy(void *, const void *, unsigned long);
void *memset(void *, int, unsigned long);
typedef unsigned long klp_ret_t;
extern klp_ret_t klp_new_tick(void);
extern unsigned long klp_new_ticks;
static const void *klp_h_old_1;
static const void *klp_h_new_1;
static char klp_opaque_old[1][64];
static char klp_opaque_new[1][64];
static long long klp_abs(const void *q, int v) {
  if (q == 0) return 0;
  if (__CPROVER_same_object(q, v ? klp_h_new_1 : klp_h_old_1)) return 1LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? (const void *)klp_opaque_new : (const void *)klp_opaque_old)) return -2LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  return -1;
}

void klp_harness(void)
{
  /* shared nondeterministic inputs and assumptions */
  __typeof__(klp_old_ticks) klp_src_0;

  /* the same entry state for each version, in separate objects */
  klp_old_ticks = klp_src_0;
  klp_h_old_1 = &klp_old_ticks;
  klp_new_ticks = klp_src_0;
  klp_h_new_1 = &klp_new_ticks;
  /* entry reachability marker: the new version's cbmc safety run only */

  /* run each version */
  klp_ret_t klp_ret_old = klp_old_tick();
  klp_ret_t klp_ret_new = klp_new_tick();

  /* compare every observable, each as its own property */
  __typeof__((klp_ret_old) + 0) klp_o_1 = (klp_ret_old);
  __typeof__((klp_ret_new) + 0) klp_n_1 = (klp_ret_new);
  _Bool klp_same_0 = (klp_o_1 == klp_n_1);
  __CPROVER_assert(0 || klp_same_0, "KLP_EQ 0 return");
  __typeof__((klp_old_ticks) + 0) klp_o_2 = (klp_old_ticks);
  __typeof__((klp_new_ticks) + 0) klp_n_2 = (klp_new_ticks);
  _Bool klp_same_1 = (klp_o_2 == klp_n_2);
  __CPROVER_assert(0 || klp_same_1, "KLP_EQ 1 global ticks");
}

`

exports[`test/harness/plan.ts > TAP > rendered harness per mode (snapshots) > tick: no parameters — safety-new — metadata 1`] = `
{
  "unwindset": [],
  "observables": [],
  "inputs": [
    {
      "label": "global ticks",
      "variable": "klp_src_0"
    }
  ],
  "checks": "all",
  "bounds": []
}
`

exports[`test/harness/plan.ts > TAP > rendered harness per mode (snapshots) > tick: no parameters — safety-new 1`] = `
# 1 "<klp-harness>"
/*
 * klp-verify equivalence harness for tick()
 * mode: memory safety of the new version, all inputs
 * Generated; re-run by hand with the command in cbmc-command.txt.
 */
void *memcpy(void *, const void *, unsigned long);
void *memset(void *, int, unsigned long);
typedef unsigned long klp_ret_t;
extern klp_ret_t klp_new_tick(void);
extern unsigned long klp_new_ticks;
static const void *klp_h_old_1;
static const void *klp_h_new_1;
static char klp_opaque_old[1][64];
static char klp_opaque_new[1][64];
static long long klp_abs(const void *q, int v) {
  if (q == 0) return 0;
  if (__CPROVER_same_object(q, v ? klp_h_new_1 : klp_h_old_1)) return 1LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? (const void *)klp_opaque_new : (const void *)klp_opaque_old)) return -2LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  return -1;
}

void klp_harness(void)
{
  /* shared nondeterministic inputs and assumptions */
  __typeof__(klp_old_ticks) klp_src_0;

  /* the same entry state for each version, in separate objects */
  klp_old_ticks = klp_src_0;
  klp_h_old_1 = &klp_old_ticks;
  klp_new_ticks = klp_src_0;
  klp_h_new_1 = &klp_new_ticks;
  __CPROVER_assert(0, "KLP_ENTRY the entry assumptions can be satisfied");

  /* run each version */
  klp_ret_t klp_ret_new = klp_new_tick();
}

`

exports[`test/harness/plan.ts > TAP > rendered harness per mode (snapshots) > touch: globals from their initializers, no claims — equiv — metadata 1`] = `
{
  "unwindset": [],
  "observables": [
    {
      "index": 0,
      "kind": "memory",
      "label": "memory *n",
      "leaves": [
        {
          "label": "n->val",
          "oldVar": "klp_o_2",
          "newVar": "klp_n_2"
        },
        {
          "label": "n->ref (pointer)",
          "oldVar": "klp_o_3",
          "newVar": "klp_n_3"
        },
        {
          "label": "n->next (pointer)",
          "oldVar": "klp_o_4",
          "newVar": "klp_n_4"
        }
      ]
    },
    {
      "index": 1,
      "kind": "memory",
      "label": "memory *out",
      "leaves": [
        {
          "label": "*out",
          "oldVar": "klp_o_5",
          "newVar": "klp_n_5"
        }
      ]
    },
    {
      "index": 2,
      "kind": "globals",
      "label": "global counter",
      "leaves": [
        {
          "label": "counter",
          "oldVar": "klp_o_6",
          "newVar": "klp_n_6"
        }
      ]
    },
    {
      "index": 3,
      "kind": "globals",
      "label": "global last",
      "leaves": [
        {
          "label": "last (pointer)",
          "oldVar": "klp_o_7",
          "newVar": "klp_n_7"
        }
      ]
    },
    {
      "index": 4,
      "kind": "globals",
      "label": "static touch::calls",
      "leaves": [
        {
          "label": "touch::calls",
          "oldVar": "klp_o_8",
          "newVar": "klp_n_8"
        }
      ]
    }
  ],
  "inputs": [
    {
      "label": "k",
      "variable": "k"
    },
    {
      "label": "*n",
      "variable": "klp_src_n"
    },
    {
      "label": "*out",
      "variable": "klp_src_out"
    }
  ],
  "checks": "none",
  "bounds": [
    "globals start from their initializers (--init-globals)"
  ]
}
`

exports[`test/harness/plan.ts > TAP > rendered harness per mode (snapshots) > touch: globals from their initializers, no claims — equiv 1`] = `
# 1 "<klp-harness>"
/*
 * klp-verify equivalence harness for touch()
 * mode: equivalence outside every claim
 * Generated; re-run by hand with the command in cbmc-command.txt.
 */
void *memcpy(void *, const void *, unsigned long);
void *memset(void *, int, unsigned long);
typedef struct node *klp_p0_t;
typedef int *klp_p1_t;
typedef int klp_p2_t;
typedef void klp_ret_t;
extern klp_ret_t klp_new_touch(klp_p0_t, klp_p1_t, klp_p2_t);
extern int klp_new_counter;
extern const int klp_new_limit;
extern struct node *klp_new_last;
extern int klp_new_touch__calls;
static const void *klp_h_old_1;
static const void *klp_h_new_1;
static const void *klp_h_old_2;
static const void *klp_h_new_2;
static const void *klp_h_old_3;
static const void *klp_h_new_3;
static const void *klp_h_old_4;
static const void *klp_h_new_4;
static const void *klp_h_old_5;
static const void *klp_h_new_5;
static const void *klp_h_old_6;
static const void *klp_h_new_6;
static const void *klp_h_old_7;
static const void *klp_h_new_7;
static const void *klp_h_old_8;
static const void *klp_h_new_8;
static const void *klp_h_old_9;
static const void *klp_h_new_9;
static char klp_opaque_old[1][64];
static char klp_opaque_new[1][64];
static long long klp_abs(const void *q, int v) {
  if (q == 0) return 0;
  if (__CPROVER_same_object(q, v ? klp_h_new_1 : klp_h_old_1)) return 1LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_2 : klp_h_old_2)) return 2LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_3 : klp_h_old_3)) return 3LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_4 : klp_h_old_4)) return 4LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_5 : klp_h_old_5)) return 5LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_6 : klp_h_old_6)) return 6LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_7 : klp_h_old_7)) return 7LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_8 : klp_h_old_8)) return 8LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_9 : klp_h_old_9)) return 9LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? (const void *)klp_opaque_new : (const void *)klp_opaque_old)) return -2LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  return -1;
}

void klp_harness(void)
{
  /* shared nondeterministic inputs and assumptions */
  klp_p2_t k;
  klp_p0_t n = 0;
  klp_p0_t klp_new_n = 0;
  klp_p1_t out = 0;
  klp_p1_t klp_new_out = 0;
  struct node klp_src_n;
  _Bool klp_c_0;
  _Bool klp_c_1;
  int klp_src_out;

  /* the same entry state for each version, in separate objects */
  if (klp_c_0) {
  (klp_src_n).ref = __CPROVER_allocate(sizeof(*((klp_src_n).ref)), 0);
  klp_h_old_1 = (klp_src_n).ref;
  } else (klp_src_n).ref = 0;
  if (klp_c_1) {
  (klp_src_n).next = __CPROVER_allocate(sizeof(*((klp_src_n).next)), 0);
  ((*(struct node *)((klp_src_n).next))).ref = 0;
  ((*(struct node *)((klp_src_n).next))).next = 0;
  klp_h_old_2 = (klp_src_n).next;
  } else (klp_src_n).next = 0;
  n = (klp_p0_t)__CPROVER_allocate(sizeof(*n), 0);
  *(struct node *)n = klp_src_n;
  klp_h_old_3 = n;
  out = (klp_p1_t)__CPROVER_allocate(sizeof(*out), 0);
  *(int *)out = klp_src_out;
  klp_h_old_4 = out;
  klp_h_old_5 = &klp_old_counter;
  klp_h_old_6 = &klp_shared_mode;
  klp_h_old_7 = &klp_old_limit;
  klp_h_old_8 = &klp_old_last;
  klp_h_old_9 = &klp_old_touch__calls;
  klp_new_n = (klp_p0_t)__CPROVER_allocate(sizeof(*n), 0);
  *(struct node *)klp_new_n = klp_src_n;
  if (klp_c_0) {
  ((*(struct node *)(klp_new_n))).ref = __CPROVER_allocate(sizeof(*((klp_src_n).ref)), 0);
  memcpy((void *)(((*(struct node *)(klp_new_n))).ref), (const void *)((klp_src_n).ref), sizeof(*((klp_src_n).ref)));
  klp_h_new_1 = ((*(struct node *)(klp_new_n))).ref;
  } else ((*(struct node *)(klp_new_n))).ref = 0;
  if (klp_c_1) {
  ((*(struct node *)(klp_new_n))).next = __CPROVER_allocate(sizeof(*((klp_src_n).next)), 0);
  memcpy((void *)(((*(struct node *)(klp_new_n))).next), (const void *)((klp_src_n).next), sizeof(*((klp_src_n).next)));
  klp_h_new_2 = ((*(struct node *)(klp_new_n))).next;
  } else ((*(struct node *)(klp_new_n))).next = 0;
  klp_h_new_3 = klp_new_n;
  klp_new_out = (klp_p1_t)__CPROVER_allocate(sizeof(*out), 0);
  *(int *)klp_new_out = klp_src_out;
  klp_h_new_4 = klp_new_out;
  klp_h_new_5 = &klp_new_counter;
  klp_h_new_6 = &klp_shared_mode;
  klp_h_new_7 = &klp_new_limit;
  klp_h_new_8 = &klp_new_last;
  klp_h_new_9 = &klp_new_touch__calls;
  /* entry reachability marker: the new version's cbmc safety run only */

  /* run each version */
  klp_old_touch(n, out, k);
  klp_new_touch(klp_new_n, klp_new_out, k);

  /* compare every observable, each as its own property */
  __typeof__((((*(struct node *)(n))).val) + 0) klp_o_2 = (((*(struct node *)(n))).val);
  __typeof__((((*(struct node *)(klp_new_n))).val) + 0) klp_n_2 = (((*(struct node *)(klp_new_n))).val);
  long long klp_o_3 = klp_abs((const void *)(((*(struct node *)(n))).ref), 0);
  long long klp_n_3 = klp_abs((const void *)(((*(struct node *)(klp_new_n))).ref), 1);
  long long klp_o_4 = klp_abs((const void *)(((*(struct node *)(n))).next), 0);
  long long klp_n_4 = klp_abs((const void *)(((*(struct node *)(klp_new_n))).next), 1);
  _Bool klp_same_0 = (klp_o_2 == klp_n_2 && klp_o_3 == klp_n_3 && klp_o_4 == klp_n_4);
  __CPROVER_assert(0 || klp_same_0, "KLP_EQ 0 memory *n");
  __typeof__(((*(int *)(out))) + 0) klp_o_5 = ((*(int *)(out)));
  __typeof__(((*(int *)(klp_new_out))) + 0) klp_n_5 = ((*(int *)(klp_new_out)));
  _Bool klp_same_1 = (klp_o_5 == klp_n_5);
  __CPROVER_assert(0 || klp_same_1, "KLP_EQ 1 memory *out");
  __typeof__((klp_old_counter) + 0) klp_o_6 = (klp_old_counter);
  __typeof__((klp_new_counter) + 0) klp_n_6 = (klp_new_counter);
  _Bool klp_same_2 = (klp_o_6 == klp_n_6);
  __CPROVER_assert(0 || klp_same_2, "KLP_EQ 2 global counter");
  long long klp_o_7 = klp_abs((const void *)(klp_old_last), 0);
  long long klp_n_7 = klp_abs((const void *)(klp_new_last), 1);
  _Bool klp_same_3 = (klp_o_7 == klp_n_7);
  __CPROVER_assert(0 || klp_same_3, "KLP_EQ 3 global last");
  __typeof__((klp_old_touch__calls) + 0) klp_o_8 = (klp_old_touch__calls);
  __typeof__((klp_new_touch__calls) + 0) klp_n_8 = (klp_new_touch__calls);
  _Bool klp_same_4 = (klp_o_8 == klp_n_8);
  __CPROVER_assert(0 || klp_same_4, "KLP_EQ 4 static touch::calls");
}

`

exports[`test/harness/plan.ts > TAP > rendered harness per mode (snapshots) > touch: pointer fields, nullable param, globals and a static local, void return — claim-0 — metadata 1`] = `
{
  "unwindset": [],
  "observables": [
    {
      "index": 0,
      "kind": "memory",
      "label": "memory *n",
      "leaves": [
        {
          "label": "n->val",
          "oldVar": "klp_o_7",
          "newVar": "klp_n_7"
        },
        {
          "label": "n->ref (pointer)",
          "oldVar": "klp_o_8",
          "newVar": "klp_n_8"
        },
        {
          "label": "n->next (pointer)",
          "oldVar": "klp_o_9",
          "newVar": "klp_n_9"
        }
      ]
    },
    {
      "index": 1,
      "kind": "memory",
      "label": "memory *out",
      "leaves": [
        {
          "label": "*out",
          "oldVar": "klp_o_10",
          "newVar": "klp_n_10"
        }
      ]
    },
    {
      "index": 2,
      "kind": "globals",
      "label": "global counter",
      "leaves": [
        {
          "label": "counter",
          "oldVar": "klp_o_11",
          "newVar": "klp_n_11"
        }
      ]
    },
    {
      "index": 3,
      "kind": "globals",
      "label": "global last",
      "leaves": [
        {
          "label": "last (pointer)",
          "oldVar": "klp_o_12",
          "newVar": "klp_n_12"
        }
      ]
    },
    {
      "index": 4,
      "kind": "globals",
      "label": "static touch::calls",
      "leaves": [
        {
          "label": "touch::calls",
          "oldVar": "klp_o_13",
          "newVar": "klp_n_13"
        }
      ]
    }
  ],
  "inputs": [
    {
      "label": "k",
      "variable": "k"
    },
    {
      "label": "*n",
      "variable": "klp_src_n"
    },
    {
      "label": "out == NULL",
      "variable": "klp_null_out"
    },
    {
      "label": "*out",
      "variable": "klp_src_out"
    },
    {
      "label": "global counter",
      "variable": "klp_src_2"
    },
    {
      "label": "global mode",
      "variable": "klp_src_3"
    },
    {
      "label": "global last",
      "variable": "klp_src_4"
    },
    {
      "label": "static touch::calls",
      "variable": "klp_src_6"
    }
  ],
  "checks": "none",
  "bounds": []
}
`

exports[`test/harness/plan.ts > TAP > rendered harness per mode (snapshots) > touch: pointer fields, nullable param, globals and a static local, void return — claim-0 1`] = `
# 1 "<klp-harness>"
/*
 * klp-verify equivalence harness for touch()
 * mode: inside claim count-up
 * Generated; re-run by hand with the command in cbmc-command.txt.
 */
void *memcpy(void *, const void *, unsigned long);
void *memset(void *, int, unsigned long);
typedef struct node *klp_p0_t;
typedef int *klp_p1_t;
typedef int klp_p2_t;
typedef void klp_ret_t;
extern klp_ret_t klp_new_touch(klp_p0_t, klp_p1_t, klp_p2_t);
extern int klp_new_counter;
extern const int klp_new_limit;
extern struct node *klp_new_last;
extern int klp_new_touch__calls;
static const void *klp_h_old_1;
static const void *klp_h_new_1;
static const void *klp_h_old_2;
static const void *klp_h_new_2;
static const void *klp_h_old_3;
static const void *klp_h_new_3;
static const void *klp_h_old_4;
static const void *klp_h_new_4;
static const void *klp_h_old_5;
static const void *klp_h_new_5;
static const void *klp_h_old_6;
static const void *klp_h_new_6;
static const void *klp_h_old_7;
static const void *klp_h_new_7;
static const void *klp_h_old_8;
static const void *klp_h_new_8;
static const void *klp_h_old_9;
static const void *klp_h_new_9;
static const void *klp_h_old_10;
static const void *klp_h_new_10;
static char klp_opaque_old[1][64];
static char klp_opaque_new[1][64];
static long long klp_abs(const void *q, int v) {
  if (q == 0) return 0;
  if (__CPROVER_same_object(q, v ? klp_h_new_1 : klp_h_old_1)) return 1LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_2 : klp_h_old_2)) return 2LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_3 : klp_h_old_3)) return 3LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_4 : klp_h_old_4)) return 4LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_5 : klp_h_old_5)) return 5LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_6 : klp_h_old_6)) return 6LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_7 : klp_h_old_7)) return 7LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_8 : klp_h_old_8)) return 8LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_9 : klp_h_old_9)) return 9LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_10 : klp_h_old_10)) return 10LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? (const void *)klp_opaque_new : (const void *)klp_opaque_old)) return -2LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  return -1;
}

void klp_harness(void)
{
  /* shared nondeterministic inputs and assumptions */
  klp_p2_t k;
  klp_p0_t n = 0;
  klp_p0_t klp_new_n = 0;
  klp_p1_t out = 0;
  klp_p1_t klp_new_out = 0;
  _Bool klp_null_out;
  struct node klp_src_n;
  _Bool klp_c_0;
  _Bool klp_c_1;
  int klp_src_out;
  __typeof__(klp_old_counter) klp_src_2;
  __typeof__(klp_shared_mode) klp_src_3;
  __typeof__(klp_old_last) klp_src_4;
  _Bool klp_c_5;
  __typeof__(klp_old_touch__calls) klp_src_6;

  /* the same entry state for each version, in separate objects */
  if (klp_c_0) {
  (klp_src_n).ref = __CPROVER_allocate(sizeof(*((klp_src_n).ref)), 0);
  klp_h_old_1 = (klp_src_n).ref;
  } else (klp_src_n).ref = 0;
  if (klp_c_1) {
  (klp_src_n).next = __CPROVER_allocate(sizeof(*((klp_src_n).next)), 0);
  ((*(struct node *)((klp_src_n).next))).ref = 0;
  ((*(struct node *)((klp_src_n).next))).next = 0;
  klp_h_old_2 = (klp_src_n).next;
  } else (klp_src_n).next = 0;
  n = (klp_p0_t)__CPROVER_allocate(sizeof(*n), 0);
  *(struct node *)n = klp_src_n;
  klp_h_old_3 = n;
  if (!klp_null_out) {
  out = (klp_p1_t)__CPROVER_allocate(sizeof(*out), 0);
  *(int *)out = klp_src_out;
  klp_h_old_4 = out;
  }
  klp_old_counter = klp_src_2;
  klp_h_old_5 = &klp_old_counter;
  klp_shared_mode = klp_src_3;
  klp_h_old_6 = &klp_shared_mode;
  klp_h_old_7 = &klp_old_limit;
  if (klp_c_5) {
  klp_src_4 = __CPROVER_allocate(sizeof(*(klp_src_4)), 0);
  ((*(struct node *)(klp_src_4))).ref = 0;
  ((*(struct node *)(klp_src_4))).next = 0;
  klp_h_old_8 = klp_src_4;
  } else klp_src_4 = 0;
  klp_old_last = klp_src_4;
  klp_h_old_9 = &klp_old_last;
  klp_old_touch__calls = klp_src_6;
  klp_h_old_10 = &klp_old_touch__calls;
  klp_new_n = (klp_p0_t)__CPROVER_allocate(sizeof(*n), 0);
  *(struct node *)klp_new_n = klp_src_n;
  if (klp_c_0) {
  ((*(struct node *)(klp_new_n))).ref = __CPROVER_allocate(sizeof(*((klp_src_n).ref)), 0);
  memcpy((void *)(((*(struct node *)(klp_new_n))).ref), (const void *)((klp_src_n).ref), sizeof(*((klp_src_n).ref)));
  klp_h_new_1 = ((*(struct node *)(klp_new_n))).ref;
  } else ((*(struct node *)(klp_new_n))).ref = 0;
  if (klp_c_1) {
  ((*(struct node *)(klp_new_n))).next = __CPROVER_allocate(sizeof(*((klp_src_n).next)), 0);
  memcpy((void *)(((*(struct node *)(klp_new_n))).next), (const void *)((klp_src_n).next), sizeof(*((klp_src_n).next)));
  klp_h_new_2 = ((*(struct node *)(klp_new_n))).next;
  } else ((*(struct node *)(klp_new_n))).next = 0;
  klp_h_new_3 = klp_new_n;
  if (!klp_null_out) {
  klp_new_out = (klp_p1_t)__CPROVER_allocate(sizeof(*out), 0);
  *(int *)klp_new_out = klp_src_out;
  klp_h_new_4 = klp_new_out;
  }
  klp_new_counter = klp_src_2;
  klp_h_new_5 = &klp_new_counter;
  klp_h_new_6 = &klp_shared_mode;
  klp_h_new_7 = &klp_new_limit;
  klp_new_last = klp_src_4;
  if (klp_c_5) {
  klp_new_last = __CPROVER_allocate(sizeof(*(klp_src_4)), 0);
  memcpy((void *)(klp_new_last), (const void *)(klp_src_4), sizeof(*(klp_src_4)));
  klp_h_new_8 = klp_new_last;
  } else klp_new_last = 0;
  klp_h_new_9 = &klp_new_last;
  klp_new_touch__calls = klp_src_6;
  klp_h_new_10 = &klp_new_touch__calls;
  /* entry reachability marker: the new version's cbmc safety run only */
  _Bool klp_w_0 = ((k > 100));
  __CPROVER_assume(klp_w_0);

  /* run each version */
  klp_old_touch(n, out, k);
  klp_new_touch(klp_new_n, klp_new_out, k);

  /* compare every observable, each as its own property */
  __typeof__((((*(struct node *)(n))).val) + 0) klp_o_7 = (((*(struct node *)(n))).val);
  __typeof__((((*(struct node *)(klp_new_n))).val) + 0) klp_n_7 = (((*(struct node *)(klp_new_n))).val);
  long long klp_o_8 = klp_abs((const void *)(((*(struct node *)(n))).ref), 0);
  long long klp_n_8 = klp_abs((const void *)(((*(struct node *)(klp_new_n))).ref), 1);
  long long klp_o_9 = klp_abs((const void *)(((*(struct node *)(n))).next), 0);
  long long klp_n_9 = klp_abs((const void *)(((*(struct node *)(klp_new_n))).next), 1);
  _Bool klp_same_0 = (klp_o_7 == klp_n_7 && klp_o_8 == klp_n_8 && klp_o_9 == klp_n_9);
  __CPROVER_assert(0 || klp_same_0, "KLP_EQ 0 memory *n");
  __typeof__(((*(int *)(out))) + 0) klp_o_10 = ((*(int *)(out)));
  __typeof__(((*(int *)(klp_new_out))) + 0) klp_n_10 = ((*(int *)(klp_new_out)));
  _Bool klp_same_1 = klp_null_out || (klp_o_10 == klp_n_10);
  __CPROVER_assert(0 || klp_same_1, "KLP_EQ 1 memory *out");
  __typeof__((klp_old_counter) + 0) klp_o_11 = (klp_old_counter);
  __typeof__((klp_new_counter) + 0) klp_n_11 = (klp_new_counter);
  _Bool klp_same_2 = (klp_o_11 == klp_n_11);
  __CPROVER_assert(klp_w_0 || klp_same_2, "KLP_EQ 2 global counter");
  long long klp_o_12 = klp_abs((const void *)(klp_old_last), 0);
  long long klp_n_12 = klp_abs((const void *)(klp_new_last), 1);
  _Bool klp_same_3 = (klp_o_12 == klp_n_12);
  __CPROVER_assert(klp_w_0 || klp_same_3, "KLP_EQ 3 global last");
  __typeof__((klp_old_touch__calls) + 0) klp_o_13 = (klp_old_touch__calls);
  __typeof__((klp_new_touch__calls) + 0) klp_n_13 = (klp_new_touch__calls);
  _Bool klp_same_4 = (klp_o_13 == klp_n_13);
  __CPROVER_assert(klp_w_0 || klp_same_4, "KLP_EQ 4 static touch::calls");
  __CPROVER_assert(klp_same_2 && klp_same_3 && klp_same_4, "KLP_REACH 0 count-up");
}

`

exports[`test/harness/plan.ts > TAP > rendered harness per mode (snapshots) > touch: pointer fields, nullable param, globals and a static local, void return — equiv — metadata 1`] = `
{
  "unwindset": [],
  "observables": [
    {
      "index": 0,
      "kind": "memory",
      "label": "memory *n",
      "leaves": [
        {
          "label": "n->val",
          "oldVar": "klp_o_7",
          "newVar": "klp_n_7"
        },
        {
          "label": "n->ref (pointer)",
          "oldVar": "klp_o_8",
          "newVar": "klp_n_8"
        },
        {
          "label": "n->next (pointer)",
          "oldVar": "klp_o_9",
          "newVar": "klp_n_9"
        }
      ]
    },
    {
      "index": 1,
      "kind": "memory",
      "label": "memory *out",
      "leaves": [
        {
          "label": "*out",
          "oldVar": "klp_o_10",
          "newVar": "klp_n_10"
        }
      ]
    },
    {
      "index": 2,
      "kind": "globals",
      "label": "global counter",
      "leaves": [
        {
          "label": "counter",
          "oldVar": "klp_o_11",
          "newVar": "klp_n_11"
        }
      ]
    },
    {
      "index": 3,
      "kind": "globals",
      "label": "global last",
      "leaves": [
        {
          "label": "last (pointer)",
          "oldVar": "klp_o_12",
          "newVar": "klp_n_12"
        }
      ]
    },
    {
      "index": 4,
      "kind": "globals",
      "label": "static touch::calls",
      "leaves": [
        {
          "label": "touch::calls",
          "oldVar": "klp_o_13",
          "newVar": "klp_n_13"
        }
      ]
    }
  ],
  "inputs": [
    {
      "label": "k",
      "variable": "k"
    },
    {
      "label": "*n",
      "variable": "klp_src_n"
    },
    {
      "label": "out == NULL",
      "variable": "klp_null_out"
    },
    {
      "label": "*out",
      "variable": "klp_src_out"
    },
    {
      "label": "global counter",
      "variable": "klp_src_2"
    },
    {
      "label": "global mode",
      "variable": "klp_src_3"
    },
    {
      "label": "global last",
      "variable": "klp_src_4"
    },
    {
      "label": "static touch::calls",
      "variable": "klp_src_6"
    }
  ],
  "checks": "none",
  "bounds": []
}
`

exports[`test/harness/plan.ts > TAP > rendered harness per mode (snapshots) > touch: pointer fields, nullable param, globals and a static local, void return — equiv 1`] = `
# 1 "<klp-harness>"
/*
 * klp-verify equivalence harness for touch()
 * mode: equivalence outside every claim
 * Generated; re-run by hand with the command in cbmc-command.txt.
 */
void *memcpy(void *, const void *, unsigned long);
void *memset(void *, int, unsigned long);
typedef struct node *klp_p0_t;
typedef int *klp_p1_t;
typedef int klp_p2_t;
typedef void klp_ret_t;
extern klp_ret_t klp_new_touch(klp_p0_t, klp_p1_t, klp_p2_t);
extern int klp_new_counter;
extern const int klp_new_limit;
extern struct node *klp_new_last;
extern int klp_new_touch__calls;
static const void *klp_h_old_1;
static const void *klp_h_new_1;
static const void *klp_h_old_2;
static const void *klp_h_new_2;
static const void *klp_h_old_3;
static const void *klp_h_new_3;
static const void *klp_h_old_4;
static const void *klp_h_new_4;
static const void *klp_h_old_5;
static const void *klp_h_new_5;
static const void *klp_h_old_6;
static const void *klp_h_new_6;
static const void *klp_h_old_7;
static const void *klp_h_new_7;
static const void *klp_h_old_8;
static const void *klp_h_new_8;
static const void *klp_h_old_9;
static const void *klp_h_new_9;
static const void *klp_h_old_10;
static const void *klp_h_new_10;
static char klp_opaque_old[1][64];
static char klp_opaque_new[1][64];
static long long klp_abs(const void *q, int v) {
  if (q == 0) return 0;
  if (__CPROVER_same_object(q, v ? klp_h_new_1 : klp_h_old_1)) return 1LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_2 : klp_h_old_2)) return 2LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_3 : klp_h_old_3)) return 3LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_4 : klp_h_old_4)) return 4LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_5 : klp_h_old_5)) return 5LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_6 : klp_h_old_6)) return 6LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_7 : klp_h_old_7)) return 7LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_8 : klp_h_old_8)) return 8LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_9 : klp_h_old_9)) return 9LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_10 : klp_h_old_10)) return 10LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? (const void *)klp_opaque_new : (const void *)klp_opaque_old)) return -2LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  return -1;
}

void klp_harness(void)
{
  /* shared nondeterministic inputs and assumptions */
  klp_p2_t k;
  klp_p0_t n = 0;
  klp_p0_t klp_new_n = 0;
  klp_p1_t out = 0;
  klp_p1_t klp_new_out = 0;
  _Bool klp_null_out;
  struct node klp_src_n;
  _Bool klp_c_0;
  _Bool klp_c_1;
  int klp_src_out;
  __typeof__(klp_old_counter) klp_src_2;
  __typeof__(klp_shared_mode) klp_src_3;
  __typeof__(klp_old_last) klp_src_4;
  _Bool klp_c_5;
  __typeof__(klp_old_touch__calls) klp_src_6;

  /* the same entry state for each version, in separate objects */
  if (klp_c_0) {
  (klp_src_n).ref = __CPROVER_allocate(sizeof(*((klp_src_n).ref)), 0);
  klp_h_old_1 = (klp_src_n).ref;
  } else (klp_src_n).ref = 0;
  if (klp_c_1) {
  (klp_src_n).next = __CPROVER_allocate(sizeof(*((klp_src_n).next)), 0);
  ((*(struct node *)((klp_src_n).next))).ref = 0;
  ((*(struct node *)((klp_src_n).next))).next = 0;
  klp_h_old_2 = (klp_src_n).next;
  } else (klp_src_n).next = 0;
  n = (klp_p0_t)__CPROVER_allocate(sizeof(*n), 0);
  *(struct node *)n = klp_src_n;
  klp_h_old_3 = n;
  if (!klp_null_out) {
  out = (klp_p1_t)__CPROVER_allocate(sizeof(*out), 0);
  *(int *)out = klp_src_out;
  klp_h_old_4 = out;
  }
  klp_old_counter = klp_src_2;
  klp_h_old_5 = &klp_old_counter;
  klp_shared_mode = klp_src_3;
  klp_h_old_6 = &klp_shared_mode;
  klp_h_old_7 = &klp_old_limit;
  if (klp_c_5) {
  klp_src_4 = __CPROVER_allocate(sizeof(*(klp_src_4)), 0);
  ((*(struct node *)(klp_src_4))).ref = 0;
  ((*(struct node *)(klp_src_4))).next = 0;
  klp_h_old_8 = klp_src_4;
  } else klp_src_4 = 0;
  klp_old_last = klp_src_4;
  klp_h_old_9 = &klp_old_last;
  klp_old_touch__calls = klp_src_6;
  klp_h_old_10 = &klp_old_touch__calls;
  klp_new_n = (klp_p0_t)__CPROVER_allocate(sizeof(*n), 0);
  *(struct node *)klp_new_n = klp_src_n;
  if (klp_c_0) {
  ((*(struct node *)(klp_new_n))).ref = __CPROVER_allocate(sizeof(*((klp_src_n).ref)), 0);
  memcpy((void *)(((*(struct node *)(klp_new_n))).ref), (const void *)((klp_src_n).ref), sizeof(*((klp_src_n).ref)));
  klp_h_new_1 = ((*(struct node *)(klp_new_n))).ref;
  } else ((*(struct node *)(klp_new_n))).ref = 0;
  if (klp_c_1) {
  ((*(struct node *)(klp_new_n))).next = __CPROVER_allocate(sizeof(*((klp_src_n).next)), 0);
  memcpy((void *)(((*(struct node *)(klp_new_n))).next), (const void *)((klp_src_n).next), sizeof(*((klp_src_n).next)));
  klp_h_new_2 = ((*(struct node *)(klp_new_n))).next;
  } else ((*(struct node *)(klp_new_n))).next = 0;
  klp_h_new_3 = klp_new_n;
  if (!klp_null_out) {
  klp_new_out = (klp_p1_t)__CPROVER_allocate(sizeof(*out), 0);
  *(int *)klp_new_out = klp_src_out;
  klp_h_new_4 = klp_new_out;
  }
  klp_new_counter = klp_src_2;
  klp_h_new_5 = &klp_new_counter;
  klp_h_new_6 = &klp_shared_mode;
  klp_h_new_7 = &klp_new_limit;
  klp_new_last = klp_src_4;
  if (klp_c_5) {
  klp_new_last = __CPROVER_allocate(sizeof(*(klp_src_4)), 0);
  memcpy((void *)(klp_new_last), (const void *)(klp_src_4), sizeof(*(klp_src_4)));
  klp_h_new_8 = klp_new_last;
  } else klp_new_last = 0;
  klp_h_new_9 = &klp_new_last;
  klp_new_touch__calls = klp_src_6;
  klp_h_new_10 = &klp_new_touch__calls;
  /* entry reachability marker: the new version's cbmc safety run only */
  _Bool klp_w_0 = ((k > 100));
  __CPROVER_assume(!klp_w_0);

  /* run each version */
  klp_old_touch(n, out, k);
  klp_new_touch(klp_new_n, klp_new_out, k);

  /* compare every observable, each as its own property */
  __typeof__((((*(struct node *)(n))).val) + 0) klp_o_7 = (((*(struct node *)(n))).val);
  __typeof__((((*(struct node *)(klp_new_n))).val) + 0) klp_n_7 = (((*(struct node *)(klp_new_n))).val);
  long long klp_o_8 = klp_abs((const void *)(((*(struct node *)(n))).ref), 0);
  long long klp_n_8 = klp_abs((const void *)(((*(struct node *)(klp_new_n))).ref), 1);
  long long klp_o_9 = klp_abs((const void *)(((*(struct node *)(n))).next), 0);
  long long klp_n_9 = klp_abs((const void *)(((*(struct node *)(klp_new_n))).next), 1);
  _Bool klp_same_0 = (klp_o_7 == klp_n_7 && klp_o_8 == klp_n_8 && klp_o_9 == klp_n_9);
  __CPROVER_assert(0 || klp_same_0, "KLP_EQ 0 memory *n");
  __typeof__(((*(int *)(out))) + 0) klp_o_10 = ((*(int *)(out)));
  __typeof__(((*(int *)(klp_new_out))) + 0) klp_n_10 = ((*(int *)(klp_new_out)));
  _Bool klp_same_1 = klp_null_out || (klp_o_10 == klp_n_10);
  __CPROVER_assert(0 || klp_same_1, "KLP_EQ 1 memory *out");
  __typeof__((klp_old_counter) + 0) klp_o_11 = (klp_old_counter);
  __typeof__((klp_new_counter) + 0) klp_n_11 = (klp_new_counter);
  _Bool klp_same_2 = (klp_o_11 == klp_n_11);
  __CPROVER_assert(klp_w_0 || klp_same_2, "KLP_EQ 2 global counter");
  long long klp_o_12 = klp_abs((const void *)(klp_old_last), 0);
  long long klp_n_12 = klp_abs((const void *)(klp_new_last), 1);
  _Bool klp_same_3 = (klp_o_12 == klp_n_12);
  __CPROVER_assert(klp_w_0 || klp_same_3, "KLP_EQ 3 global last");
  __typeof__((klp_old_touch__calls) + 0) klp_o_13 = (klp_old_touch__calls);
  __typeof__((klp_new_touch__calls) + 0) klp_n_13 = (klp_new_touch__calls);
  _Bool klp_same_4 = (klp_o_13 == klp_n_13);
  __CPROVER_assert(klp_w_0 || klp_same_4, "KLP_EQ 4 static touch::calls");
}

`

exports[`test/harness/plan.ts > TAP > rendered harness per mode (snapshots) > touch: pointer fields, nullable param, globals and a static local, void return — safety-new — metadata 1`] = `
{
  "unwindset": [],
  "observables": [],
  "inputs": [
    {
      "label": "k",
      "variable": "k"
    },
    {
      "label": "*n",
      "variable": "klp_src_n"
    },
    {
      "label": "out == NULL",
      "variable": "klp_null_out"
    },
    {
      "label": "*out",
      "variable": "klp_src_out"
    },
    {
      "label": "global counter",
      "variable": "klp_src_2"
    },
    {
      "label": "global mode",
      "variable": "klp_src_3"
    },
    {
      "label": "global last",
      "variable": "klp_src_4"
    },
    {
      "label": "static touch::calls",
      "variable": "klp_src_6"
    }
  ],
  "checks": "all",
  "bounds": []
}
`

exports[`test/harness/plan.ts > TAP > rendered harness per mode (snapshots) > touch: pointer fields, nullable param, globals and a static local, void return — safety-new 1`] = `
# 1 "<klp-harness>"
/*
 * klp-verify equivalence harness for touch()
 * mode: memory safety of the new version, all inputs
 * Generated; re-run by hand with the command in cbmc-command.txt.
 */
void *memcpy(void *, const void *, unsigned long);
void *memset(void *, int, unsigned long);
typedef struct node *klp_p0_t;
typedef int *klp_p1_t;
typedef int klp_p2_t;
typedef void klp_ret_t;
extern klp_ret_t klp_new_touch(klp_p0_t, klp_p1_t, klp_p2_t);
extern int klp_new_counter;
extern const int klp_new_limit;
extern struct node *klp_new_last;
extern int klp_new_touch__calls;
static const void *klp_h_old_1;
static const void *klp_h_new_1;
static const void *klp_h_old_2;
static const void *klp_h_new_2;
static const void *klp_h_old_3;
static const void *klp_h_new_3;
static const void *klp_h_old_4;
static const void *klp_h_new_4;
static const void *klp_h_old_5;
static const void *klp_h_new_5;
static const void *klp_h_old_6;
static const void *klp_h_new_6;
static const void *klp_h_old_7;
static const void *klp_h_new_7;
static const void *klp_h_old_8;
static const void *klp_h_new_8;
static const void *klp_h_old_9;
static const void *klp_h_new_9;
static const void *klp_h_old_10;
static const void *klp_h_new_10;
static char klp_opaque_old[1][64];
static char klp_opaque_new[1][64];
static long long klp_abs(const void *q, int v) {
  if (q == 0) return 0;
  if (__CPROVER_same_object(q, v ? klp_h_new_1 : klp_h_old_1)) return 1LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_2 : klp_h_old_2)) return 2LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_3 : klp_h_old_3)) return 3LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_4 : klp_h_old_4)) return 4LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_5 : klp_h_old_5)) return 5LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_6 : klp_h_old_6)) return 6LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_7 : klp_h_old_7)) return 7LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_8 : klp_h_old_8)) return 8LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_9 : klp_h_old_9)) return 9LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_10 : klp_h_old_10)) return 10LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? (const void *)klp_opaque_new : (const void *)klp_opaque_old)) return -2LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  return -1;
}

void klp_harness(void)
{
  /* shared nondeterministic inputs and assumptions */
  klp_p2_t k;
  klp_p0_t n = 0;
  klp_p0_t klp_new_n = 0;
  klp_p1_t out = 0;
  klp_p1_t klp_new_out = 0;
  _Bool klp_null_out;
  struct node klp_src_n;
  _Bool klp_c_0;
  _Bool klp_c_1;
  int klp_src_out;
  __typeof__(klp_old_counter) klp_src_2;
  __typeof__(klp_shared_mode) klp_src_3;
  __typeof__(klp_old_last) klp_src_4;
  _Bool klp_c_5;
  __typeof__(klp_old_touch__calls) klp_src_6;

  /* the same entry state for each version, in separate objects */
  if (klp_c_0) {
  (klp_src_n).ref = __CPROVER_allocate(sizeof(*((klp_src_n).ref)), 0);
  klp_h_old_1 = (klp_src_n).ref;
  } else (klp_src_n).ref = 0;
  if (klp_c_1) {
  (klp_src_n).next = __CPROVER_allocate(sizeof(*((klp_src_n).next)), 0);
  ((*(struct node *)((klp_src_n).next))).ref = 0;
  ((*(struct node *)((klp_src_n).next))).next = 0;
  klp_h_old_2 = (klp_src_n).next;
  } else (klp_src_n).next = 0;
  n = (klp_p0_t)__CPROVER_allocate(sizeof(*n), 0);
  *(struct node *)n = klp_src_n;
  klp_h_old_3 = n;
  if (!klp_null_out) {
  out = (klp_p1_t)__CPROVER_allocate(sizeof(*out), 0);
  *(int *)out = klp_src_out;
  klp_h_old_4 = out;
  }
  klp_old_counter = klp_src_2;
  klp_h_old_5 = &klp_old_counter;
  klp_shared_mode = klp_src_3;
  klp_h_old_6 = &klp_shared_mode;
  klp_h_old_7 = &klp_old_limit;
  if (klp_c_5) {
  klp_src_4 = __CPROVER_allocate(sizeof(*(klp_src_4)), 0);
  ((*(struct node *)(klp_src_4))).ref = 0;
  ((*(struct node *)(klp_src_4))).next = 0;
  klp_h_old_8 = klp_src_4;
  } else klp_src_4 = 0;
  klp_old_last = klp_src_4;
  klp_h_old_9 = &klp_old_last;
  klp_old_touch__calls = klp_src_6;
  klp_h_old_10 = &klp_old_touch__calls;
  klp_new_n = (klp_p0_t)__CPROVER_allocate(sizeof(*n), 0);
  *(struct node *)klp_new_n = klp_src_n;
  if (klp_c_0) {
  ((*(struct node *)(klp_new_n))).ref = __CPROVER_allocate(sizeof(*((klp_src_n).ref)), 0);
  memcpy((void *)(((*(struct node *)(klp_new_n))).ref), (const void *)((klp_src_n).ref), sizeof(*((klp_src_n).ref)));
  klp_h_new_1 = ((*(struct node *)(klp_new_n))).ref;
  } else ((*(struct node *)(klp_new_n))).ref = 0;
  if (klp_c_1) {
  ((*(struct node *)(klp_new_n))).next = __CPROVER_allocate(sizeof(*((klp_src_n).next)), 0);
  memcpy((void *)(((*(struct node *)(klp_new_n))).next), (const void *)((klp_src_n).next), sizeof(*((klp_src_n).next)));
  klp_h_new_2 = ((*(struct node *)(klp_new_n))).next;
  } else ((*(struct node *)(klp_new_n))).next = 0;
  klp_h_new_3 = klp_new_n;
  if (!klp_null_out) {
  klp_new_out = (klp_p1_t)__CPROVER_allocate(sizeof(*out), 0);
  *(int *)klp_new_out = klp_src_out;
  klp_h_new_4 = klp_new_out;
  }
  klp_new_counter = klp_src_2;
  klp_h_new_5 = &klp_new_counter;
  klp_h_new_6 = &klp_shared_mode;
  klp_h_new_7 = &klp_new_limit;
  klp_new_last = klp_src_4;
  if (klp_c_5) {
  klp_new_last = __CPROVER_allocate(sizeof(*(klp_src_4)), 0);
  memcpy((void *)(klp_new_last), (const void *)(klp_src_4), sizeof(*(klp_src_4)));
  klp_h_new_8 = klp_new_last;
  } else klp_new_last = 0;
  klp_h_new_9 = &klp_new_last;
  klp_new_touch__calls = klp_src_6;
  klp_h_new_10 = &klp_new_touch__calls;
  __CPROVER_assert(0, "KLP_ENTRY the entry assumptions can be satisfied");
  _Bool klp_w_0 = ((k > 100));

  /* run each version */
  klp_new_touch(klp_new_n, klp_new_out, k);
}

`

exports[`test/harness/plan.ts > TAP > rendered harness per mode (snapshots) > touch: pointer fields, nullable param, globals and a static local, void return — safety-old — metadata 1`] = `
{
  "unwindset": [],
  "observables": [],
  "inputs": [
    {
      "label": "k",
      "variable": "k"
    },
    {
      "label": "*n",
      "variable": "klp_src_n"
    },
    {
      "label": "out == NULL",
      "variable": "klp_null_out"
    },
    {
      "label": "*out",
      "variable": "klp_src_out"
    },
    {
      "label": "global counter",
      "variable": "klp_src_2"
    },
    {
      "label": "global mode",
      "variable": "klp_src_3"
    },
    {
      "label": "global last",
      "variable": "klp_src_4"
    },
    {
      "label": "static touch::calls",
      "variable": "klp_src_6"
    }
  ],
  "checks": "all",
  "bounds": []
}
`

exports[`test/harness/plan.ts > TAP > rendered harness per mode (snapshots) > touch: pointer fields, nullable param, globals and a static local, void return — safety-old 1`] = `
# 1 "<klp-harness>"
/*
 * klp-verify equivalence harness for touch()
 * mode: memory safety of the old version, all inputs
 * Generated; re-run by hand with the command in cbmc-command.txt.
 */
void *memcpy(void *, const void *, unsigned long);
void *memset(void *, int, unsigned long);
typedef struct node *klp_p0_t;
typedef int *klp_p1_t;
typedef int klp_p2_t;
typedef void klp_ret_t;
extern klp_ret_t klp_new_touch(klp_p0_t, klp_p1_t, klp_p2_t);
extern int klp_new_counter;
extern const int klp_new_limit;
extern struct node *klp_new_last;
extern int klp_new_touch__calls;
static const void *klp_h_old_1;
static const void *klp_h_new_1;
static const void *klp_h_old_2;
static const void *klp_h_new_2;
static const void *klp_h_old_3;
static const void *klp_h_new_3;
static const void *klp_h_old_4;
static const void *klp_h_new_4;
static const void *klp_h_old_5;
static const void *klp_h_new_5;
static const void *klp_h_old_6;
static const void *klp_h_new_6;
static const void *klp_h_old_7;
static const void *klp_h_new_7;
static const void *klp_h_old_8;
static const void *klp_h_new_8;
static const void *klp_h_old_9;
static const void *klp_h_new_9;
static const void *klp_h_old_10;
static const void *klp_h_new_10;
static char klp_opaque_old[1][64];
static char klp_opaque_new[1][64];
static long long klp_abs(const void *q, int v) {
  if (q == 0) return 0;
  if (__CPROVER_same_object(q, v ? klp_h_new_1 : klp_h_old_1)) return 1LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_2 : klp_h_old_2)) return 2LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_3 : klp_h_old_3)) return 3LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_4 : klp_h_old_4)) return 4LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_5 : klp_h_old_5)) return 5LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_6 : klp_h_old_6)) return 6LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_7 : klp_h_old_7)) return 7LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_8 : klp_h_old_8)) return 8LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_9 : klp_h_old_9)) return 9LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_10 : klp_h_old_10)) return 10LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? (const void *)klp_opaque_new : (const void *)klp_opaque_old)) return -2LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  return -1;
}

void klp_harness(void)
{
  /* shared nondeterministic inputs and assumptions */
  klp_p2_t k;
  klp_p0_t n = 0;
  klp_p0_t klp_new_n = 0;
  klp_p1_t out = 0;
  klp_p1_t klp_new_out = 0;
  _Bool klp_null_out;
  struct node klp_src_n;
  _Bool klp_c_0;
  _Bool klp_c_1;
  int klp_src_out;
  __typeof__(klp_old_counter) klp_src_2;
  __typeof__(klp_shared_mode) klp_src_3;
  __typeof__(klp_old_last) klp_src_4;
  _Bool klp_c_5;
  __typeof__(klp_old_touch__calls) klp_src_6;

  /* the same entry state for each version, in separate objects */
  if (klp_c_0) {
  (klp_src_n).ref = __CPROVER_allocate(sizeof(*((klp_src_n).ref)), 0);
  klp_h_old_1 = (klp_src_n).ref;
  } else (klp_src_n).ref = 0;
  if (klp_c_1) {
  (klp_src_n).next = __CPROVER_allocate(sizeof(*((klp_src_n).next)), 0);
  ((*(struct node *)((klp_src_n).next))).ref = 0;
  ((*(struct node *)((klp_src_n).next))).next = 0;
  klp_h_old_2 = (klp_src_n).next;
  } else (klp_src_n).next = 0;
  n = (klp_p0_t)__CPROVER_allocate(sizeof(*n), 0);
  *(struct node *)n = klp_src_n;
  klp_h_old_3 = n;
  if (!klp_null_out) {
  out = (klp_p1_t)__CPROVER_allocate(sizeof(*out), 0);
  *(int *)out = klp_src_out;
  klp_h_old_4 = out;
  }
  klp_old_counter = klp_src_2;
  klp_h_old_5 = &klp_old_counter;
  klp_shared_mode = klp_src_3;
  klp_h_old_6 = &klp_shared_mode;
  klp_h_old_7 = &klp_old_limit;
  if (klp_c_5) {
  klp_src_4 = __CPROVER_allocate(sizeof(*(klp_src_4)), 0);
  ((*(struct node *)(klp_src_4))).ref = 0;
  ((*(struct node *)(klp_src_4))).next = 0;
  klp_h_old_8 = klp_src_4;
  } else klp_src_4 = 0;
  klp_old_last = klp_src_4;
  klp_h_old_9 = &klp_old_last;
  klp_old_touch__calls = klp_src_6;
  klp_h_old_10 = &klp_old_touch__calls;
  klp_new_n = (klp_p0_t)__CPROVER_allocate(sizeof(*n), 0);
  *(struct node *)klp_new_n = klp_src_n;
  if (klp_c_0) {
  ((*(struct node *)(klp_new_n))).ref = __CPROVER_allocate(sizeof(*((klp_src_n).ref)), 0);
  memcpy((void *)(((*(struct node *)(klp_new_n))).ref), (const void *)((klp_src_n).ref), sizeof(*((klp_src_n).ref)));
  klp_h_new_1 = ((*(struct node *)(klp_new_n))).ref;
  } else ((*(struct node *)(klp_new_n))).ref = 0;
  if (klp_c_1) {
  ((*(struct node *)(klp_new_n))).next = __CPROVER_allocate(sizeof(*((klp_src_n).next)), 0);
  memcpy((void *)(((*(struct node *)(klp_new_n))).next), (const void *)((klp_src_n).next), sizeof(*((klp_src_n).next)));
  klp_h_new_2 = ((*(struct node *)(klp_new_n))).next;
  } else ((*(struct node *)(klp_new_n))).next = 0;
  klp_h_new_3 = klp_new_n;
  if (!klp_null_out) {
  klp_new_out = (klp_p1_t)__CPROVER_allocate(sizeof(*out), 0);
  *(int *)klp_new_out = klp_src_out;
  klp_h_new_4 = klp_new_out;
  }
  klp_new_counter = klp_src_2;
  klp_h_new_5 = &klp_new_counter;
  klp_h_new_6 = &klp_shared_mode;
  klp_h_new_7 = &klp_new_limit;
  klp_new_last = klp_src_4;
  if (klp_c_5) {
  klp_new_last = __CPROVER_allocate(sizeof(*(klp_src_4)), 0);
  memcpy((void *)(klp_new_last), (const void *)(klp_src_4), sizeof(*(klp_src_4)));
  klp_h_new_8 = klp_new_last;
  } else klp_new_last = 0;
  klp_h_new_9 = &klp_new_last;
  klp_new_touch__calls = klp_src_6;
  klp_h_new_10 = &klp_new_touch__calls;
  /* entry reachability marker: the new version's cbmc safety run only */
  _Bool klp_w_0 = ((k > 100));

  /* run each version */
  klp_old_touch(n, out, k);
}

`

exports[`test/harness/plan.ts > TAP > rendered harness per mode (snapshots) > touch: pointer fields, nullable param, globals and a static local, void return — safety-old-outside — metadata 1`] = `
{
  "unwindset": [],
  "observables": [],
  "inputs": [
    {
      "label": "k",
      "variable": "k"
    },
    {
      "label": "*n",
      "variable": "klp_src_n"
    },
    {
      "label": "out == NULL",
      "variable": "klp_null_out"
    },
    {
      "label": "*out",
      "variable": "klp_src_out"
    },
    {
      "label": "global counter",
      "variable": "klp_src_2"
    },
    {
      "label": "global mode",
      "variable": "klp_src_3"
    },
    {
      "label": "global last",
      "variable": "klp_src_4"
    },
    {
      "label": "static touch::calls",
      "variable": "klp_src_6"
    }
  ],
  "checks": "all",
  "bounds": []
}
`

exports[`test/harness/plan.ts > TAP > rendered harness per mode (snapshots) > touch: pointer fields, nullable param, globals and a static local, void return — safety-old-outside 1`] = `
# 1 "<klp-harness>"
/*
 * klp-verify equivalence harness for touch()
 * mode: memory safety of the old version, inputs outside claims that allow safety differences
 * Generated; re-run by hand with the command in cbmc-command.txt.
 */
void *memcpy(void *, const void *, unsigned long);
void *memset(void *, int, unsigned long);
typedef struct node *klp_p0_t;
typedef int *klp_p1_t;
typedef int klp_p2_t;
typedef void klp_ret_t;
extern klp_ret_t klp_new_touch(klp_p0_t, klp_p1_t, klp_p2_t);
extern int klp_new_counter;
extern const int klp_new_limit;
extern struct node *klp_new_last;
extern int klp_new_touch__calls;
static const void *klp_h_old_1;
static const void *klp_h_new_1;
static const void *klp_h_old_2;
static const void *klp_h_new_2;
static const void *klp_h_old_3;
static const void *klp_h_new_3;
static const void *klp_h_old_4;
static const void *klp_h_new_4;
static const void *klp_h_old_5;
static const void *klp_h_new_5;
static const void *klp_h_old_6;
static const void *klp_h_new_6;
static const void *klp_h_old_7;
static const void *klp_h_new_7;
static const void *klp_h_old_8;
static const void *klp_h_new_8;
static const void *klp_h_old_9;
static const void *klp_h_new_9;
static const void *klp_h_old_10;
static const void *klp_h_new_10;
static char klp_opaque_old[1][64];
static char klp_opaque_new[1][64];
static long long klp_abs(const void *q, int v) {
  if (q == 0) return 0;
  if (__CPROVER_same_object(q, v ? klp_h_new_1 : klp_h_old_1)) return 1LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_2 : klp_h_old_2)) return 2LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_3 : klp_h_old_3)) return 3LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_4 : klp_h_old_4)) return 4LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_5 : klp_h_old_5)) return 5LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_6 : klp_h_old_6)) return 6LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_7 : klp_h_old_7)) return 7LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_8 : klp_h_old_8)) return 8LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_9 : klp_h_old_9)) return 9LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? klp_h_new_10 : klp_h_old_10)) return 10LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  if (__CPROVER_same_object(q, v ? (const void *)klp_opaque_new : (const void *)klp_opaque_old)) return -2LL * 4294967296LL + __CPROVER_POINTER_OFFSET(q);
  return -1;
}

void klp_harness(void)
{
  /* shared nondeterministic inputs and assumptions */
  klp_p2_t k;
  klp_p0_t n = 0;
  klp_p0_t klp_new_n = 0;
  klp_p1_t out = 0;
  klp_p1_t klp_new_out = 0;
  _Bool klp_null_out;
  struct node klp_src_n;
  _Bool klp_c_0;
  _Bool klp_c_1;
  int klp_src_out;
  __typeof__(klp_old_counter) klp_src_2;
  __typeof__(klp_shared_mode) klp_src_3;
  __typeof__(klp_old_last) klp_src_4;
  _Bool klp_c_5;
  __typeof__(klp_old_touch__calls) klp_src_6;

  /* the same entry state for each version, in separate objects */
  if (klp_c_0) {
  (klp_src_n).ref = __CPROVER_allocate(sizeof(*((klp_src_n).ref)), 0);
  klp_h_old_1 = (klp_src_n).ref;
  } else (klp_src_n).ref = 0;
  if (klp_c_1) {
  (klp_src_n).next = __CPROVER_allocate(sizeof(*((klp_src_n).next)), 0);
  ((*(struct node *)((klp_src_n).next))).ref = 0;
  ((*(struct node *)((klp_src_n).next))).next = 0;
  klp_h_old_2 = (klp_src_n).next;
  } else (klp_src_n).next = 0;
  n = (klp_p0_t)__CPROVER_allocate(sizeof(*n), 0);
  *(struct node *)n = klp_src_n;
  klp_h_old_3 = n;
  if (!klp_null_out) {
  out = (klp_p1_t)__CPROVER_allocate(sizeof(*out), 0);
  *(int *)out = klp_src_out;
  klp_h_old_4 = out;
  }
  klp_old_counter = klp_src_2;
  klp_h_old_5 = &klp_old_counter;
  klp_shared_mode = klp_src_3;
  klp_h_old_6 = &klp_shared_mode;
  klp_h_old_7 = &klp_old_limit;
  if (klp_c_5) {
  klp_src_4 = __CPROVER_allocate(sizeof(*(klp_src_4)), 0);
  ((*(struct node *)(klp_src_4))).ref = 0;
  ((*(struct node *)(klp_src_4))).next = 0;
  klp_h_old_8 = klp_src_4;
  } else klp_src_4 = 0;
  klp_old_last = klp_src_4;
  klp_h_old_9 = &klp_old_last;
  klp_old_touch__calls = klp_src_6;
  klp_h_old_10 = &klp_old_touch__calls;
  klp_new_n = (klp_p0_t)__CPROVER_allocate(sizeof(*n), 0);
  *(struct node *)klp_new_n = klp_src_n;
  if (klp_c_0) {
  ((*(struct node *)(klp_new_n))).ref = __CPROVER_allocate(sizeof(*((klp_src_n).ref)), 0);
  memcpy((void *)(((*(struct node *)(klp_new_n))).ref), (const void *)((klp_src_n).ref), sizeof(*((klp_src_n).ref)));
  klp_h_new_1 = ((*(struct node *)(klp_new_n))).ref;
  } else ((*(struct node *)(klp_new_n))).ref = 0;
  if (klp_c_1) {
  ((*(struct node *)(klp_new_n))).next = __CPROVER_allocate(sizeof(*((klp_src_n).next)), 0);
  memcpy((void *)(((*(struct node *)(klp_new_n))).next), (const void *)((klp_src_n).next), sizeof(*((klp_src_n).next)));
  klp_h_new_2 = ((*(struct node *)(klp_new_n))).next;
  } else ((*(struct node *)(klp_new_n))).next = 0;
  klp_h_new_3 = klp_new_n;
  if (!klp_null_out) {
  klp_new_out = (klp_p1_t)__CPROVER_allocate(sizeof(*out), 0);
  *(int *)klp_new_out = klp_src_out;
  klp_h_new_4 = klp_new_out;
  }
  klp_new_counter = klp_src_2;
  klp_h_new_5 = &klp_new_counter;
  klp_h_new_6 = &klp_shared_mode;
  klp_h_new_7 = &klp_new_limit;
  klp_new_last = klp_src_4;
  if (klp_c_5) {
  klp_new_last = __CPROVER_allocate(sizeof(*(klp_src_4)), 0);
  memcpy((void *)(klp_new_last), (const void *)(klp_src_4), sizeof(*(klp_src_4)));
  klp_h_new_8 = klp_new_last;
  } else klp_new_last = 0;
  klp_h_new_9 = &klp_new_last;
  klp_new_touch__calls = klp_src_6;
  klp_h_new_10 = &klp_new_touch__calls;
  /* entry reachability marker: the new version's cbmc safety run only */
  _Bool klp_w_0 = ((k > 100));

  /* run each version */
  klp_old_touch(n, out, k);
}

`
