/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/report/summary.ts > TAP > a summary per fixture > as-claimed 1`] = `
Object {
  "bounds": Array [
    Object {
      "isDefault": true,
      "value": "auto (reached 16, max 64)",
      "what": "unwinding bound",
    },
    Object {
      "isDefault": false,
      "value": "12 elements",
      "what": "max buffer size (--max-size)",
    },
    Object {
      "isDefault": false,
      "value": "len elements, 0 <= len <= 12",
      "what": "buffer buf",
    },
    Object {
      "isDefault": true,
      "value": "non-NULL, one object each unless --buffer/--nullable",
      "what": "pointer parameters",
    },
    Object {
      "isDefault": true,
      "value": "NULL or one fresh object (depth 1)",
      "what": "pointer fields of input objects",
    },
    Object {
      "isDefault": true,
      "value": "any value, the same for both versions",
      "what": "globals at entry",
    },
    Object {
      "isDefault": true,
      "value": "undefined (a safety violation)",
      "what": "signed overflow",
    },
  ],
  "boundsApply": true,
  "claims": Object {
    "observed": 1,
    "total": 1,
    "unknown": 0,
    "unobserved": 0,
  },
  "constChanges": 0,
  "detail": "only intended differences, every claim observed",
  "differences": Object {
    "intended": 3,
    "total": 3,
    "unintended": 0,
  },
  "errors": 0,
  "headline": "msg_fill(): the patch changes only what its claims allow",
  "hints": 0,
  "label": "AS-CLAIMED",
  "outcome": "pass",
  "preExisting": 0,
  "runs": Object {
    "byStatus": Array [
      Object {
        "count": 1,
        "status": "complete",
      },
      Object {
        "count": 3,
        "status": "found",
      },
    ],
    "total": 4,
  },
  "sentence": "the patch changes only what its claims allow",
  "showBounds": "verdict",
  "typeChanges": 0,
  "verdict": "as-claimed",
}
`

exports[`test/report/summary.ts > TAP > a summary per fixture > claim-unobserved 1`] = `
Object {
  "bounds": Array [
    Object {
      "isDefault": true,
      "value": "auto (reached 16, max 64)",
      "what": "unwinding bound",
    },
    Object {
      "isDefault": false,
      "value": "12 elements",
      "what": "max buffer size (--max-size)",
    },
    Object {
      "isDefault": false,
      "value": "len elements, 0 <= len <= 12",
      "what": "buffer buf",
    },
    Object {
      "isDefault": true,
      "value": "non-NULL, one object each unless --buffer/--nullable",
      "what": "pointer parameters",
    },
    Object {
      "isDefault": true,
      "value": "NULL or one fresh object (depth 1)",
      "what": "pointer fields of input objects",
    },
    Object {
      "isDefault": true,
      "value": "any value, the same for both versions",
      "what": "globals at entry",
    },
    Object {
      "isDefault": true,
      "value": "undefined (a safety violation)",
      "what": "signed overflow",
    },
  ],
  "boundsApply": true,
  "claims": Object {
    "observed": 1,
    "total": 2,
    "unknown": 0,
    "unobserved": 1,
  },
  "constChanges": 0,
  "detail": "no unintended difference, but count-errors never showed a difference",
  "differences": Object {
    "intended": 3,
    "total": 3,
    "unintended": 0,
  },
  "errors": 0,
  "headline": "msg_fill(): claim count-errors never observed",
  "hints": 1,
  "label": "CLAIM-UNOBSERVED",
  "outcome": "fail",
  "preExisting": 0,
  "runs": Object {
    "byStatus": Array [
      Object {
        "count": 2,
        "status": "complete",
      },
      Object {
        "count": 3,
        "status": "found",
      },
    ],
    "total": 5,
  },
  "sentence": "claim count-errors never observed",
  "showBounds": "verdict",
  "typeChanges": 0,
  "verdict": "claim-unobserved",
}
`

exports[`test/report/summary.ts > TAP > a summary per fixture > equivalent 1`] = `
Object {
  "bounds": Array [
    Object {
      "isDefault": true,
      "value": "auto (reached 16, max 64)",
      "what": "unwinding bound",
    },
    Object {
      "isDefault": false,
      "value": "12 elements",
      "what": "max buffer size (--max-size)",
    },
    Object {
      "isDefault": false,
      "value": "len elements, 0 <= len <= 12",
      "what": "buffer buf",
    },
    Object {
      "isDefault": true,
      "value": "non-NULL, one object each unless --buffer/--nullable",
      "what": "pointer parameters",
    },
    Object {
      "isDefault": true,
      "value": "NULL or one fresh object (depth 1)",
      "what": "pointer fields of input objects",
    },
    Object {
      "isDefault": true,
      "value": "any value, the same for both versions",
      "what": "globals at entry",
    },
    Object {
      "isDefault": true,
      "value": "undefined (a safety violation)",
      "what": "signed overflow",
    },
  ],
  "boundsApply": true,
  "claims": Object {
    "observed": 0,
    "total": 0,
    "unknown": 0,
    "unobserved": 0,
  },
  "constChanges": 0,
  "detail": "no behavioral difference",
  "differences": Object {
    "intended": 0,
    "total": 0,
    "unintended": 0,
  },
  "errors": 0,
  "headline": "msg_fill(): old and new behave the same",
  "hints": 0,
  "label": "EQUIVALENT",
  "outcome": "pass",
  "preExisting": 1,
  "runs": Object {
    "byStatus": Array [
      Object {
        "count": 1,
        "status": "complete",
      },
      Object {
        "count": 2,
        "status": "found",
      },
    ],
    "total": 3,
  },
  "sentence": "old and new behave the same",
  "showBounds": "verdict",
  "typeChanges": 0,
  "verdict": "equivalent",
}
`

exports[`test/report/summary.ts > TAP > a summary per fixture > error 1`] = `
Object {
  "bounds": Array [
    Object {
      "isDefault": true,
      "value": "auto (reached 16, max 64)",
      "what": "unwinding bound",
    },
    Object {
      "isDefault": false,
      "value": "12 elements",
      "what": "max buffer size (--max-size)",
    },
    Object {
      "isDefault": false,
      "value": "len elements, 0 <= len <= 12",
      "what": "buffer buf",
    },
    Object {
      "isDefault": true,
      "value": "non-NULL, one object each unless --buffer/--nullable",
      "what": "pointer parameters",
    },
    Object {
      "isDefault": true,
      "value": "NULL or one fresh object (depth 1)",
      "what": "pointer fields of input objects",
    },
    Object {
      "isDefault": true,
      "value": "any value, the same for both versions",
      "what": "globals at entry",
    },
    Object {
      "isDefault": true,
      "value": "undefined (a safety violation)",
      "what": "signed overflow",
    },
  ],
  "boundsApply": false,
  "claims": Object {
    "observed": 0,
    "total": 0,
    "unknown": 0,
    "unobserved": 0,
  },
  "constChanges": 0,
  "detail": "cbmc could not check this proof",
  "differences": Object {
    "intended": 0,
    "total": 0,
    "unintended": 0,
  },
  "errors": 1,
  "headline": "msg_fill(): the proof could not be run",
  "hints": 1,
  "label": "ERROR",
  "outcome": "error",
  "preExisting": 0,
  "runs": Object {
    "byStatus": Array [
      Object {
        "count": 1,
        "status": "error",
      },
    ],
    "total": 1,
  },
  "sentence": "the proof could not be run",
  "showBounds": "omit",
  "typeChanges": 0,
  "verdict": "error",
}
`

exports[`test/report/summary.ts > TAP > a summary per fixture > inconclusive type-changed 1`] = `
Object {
  "bounds": Array [
    Object {
      "isDefault": true,
      "value": "auto (reached 16, max 64)",
      "what": "unwinding bound",
    },
    Object {
      "isDefault": false,
      "value": "12 elements",
      "what": "max buffer size (--max-size)",
    },
    Object {
      "isDefault": false,
      "value": "len elements, 0 <= len <= 12",
      "what": "buffer buf",
    },
    Object {
      "isDefault": true,
      "value": "non-NULL, one object each unless --buffer/--nullable",
      "what": "pointer parameters",
    },
    Object {
      "isDefault": true,
      "value": "NULL or one fresh object (depth 1)",
      "what": "pointer fields of input objects",
    },
    Object {
      "isDefault": true,
      "value": "any value, the same for both versions",
      "what": "globals at entry",
    },
    Object {
      "isDefault": true,
      "value": "undefined (a safety violation)",
      "what": "signed overflow",
    },
  ],
  "boundsApply": false,
  "claims": Object {
    "observed": 0,
    "total": 1,
    "unknown": 1,
    "unobserved": 0,
  },
  "constChanges": 1,
  "detail": "the patch changes type definitions (struct msg); old and new cannot be compared on shared types",
  "differences": Object {
    "intended": 0,
    "total": 0,
    "unintended": 0,
  },
  "errors": 0,
  "headline": "msg_fill(): no verdict (type-changed): a type the function uses changed",
  "hints": 1,
  "label": "INCONCLUSIVE",
  "outcome": "skip",
  "preExisting": 0,
  "runs": Object {
    "byStatus": Array [],
    "total": 0,
  },
  "sentence": "no verdict (type-changed): a type the function uses changed",
  "showBounds": "omit",
  "typeChanges": 1,
  "verdict": "inconclusive",
}
`

exports[`test/report/summary.ts > TAP > a summary per fixture > inconclusive unwinding-bound 1`] = `
Object {
  "bounds": Array [
    Object {
      "isDefault": false,
      "value": "8",
      "what": "unwinding bound",
    },
    Object {
      "isDefault": true,
      "value": "16 elements",
      "what": "max buffer size (--max-size)",
    },
    Object {
      "isDefault": false,
      "value": "len elements, 0 <= len <= 12",
      "what": "buffer buf",
    },
    Object {
      "isDefault": true,
      "value": "non-NULL, one object each unless --buffer/--nullable",
      "what": "pointer parameters",
    },
    Object {
      "isDefault": true,
      "value": "NULL or one fresh object (depth 1)",
      "what": "pointer fields of input objects",
    },
    Object {
      "isDefault": true,
      "value": "any value, the same for both versions",
      "what": "globals at entry",
    },
    Object {
      "isDefault": true,
      "value": "undefined (a safety violation)",
      "what": "signed overflow",
    },
  ],
  "boundsApply": false,
  "claims": Object {
    "observed": 0,
    "total": 1,
    "unknown": 1,
    "unobserved": 0,
  },
  "constChanges": 0,
  "detail": "no unintended difference found, but the proof is incomplete (unwinding-bound)",
  "differences": Object {
    "intended": 0,
    "total": 0,
    "unintended": 0,
  },
  "errors": 0,
  "headline": "msg_fill(): no verdict (unwinding-bound): a loop needs a higher bound",
  "hints": 1,
  "label": "INCONCLUSIVE",
  "outcome": "skip",
  "preExisting": 0,
  "runs": Object {
    "byStatus": Array [
      Object {
        "count": 2,
        "status": "bound-too-small",
      },
    ],
    "total": 2,
  },
  "sentence": "no verdict (unwinding-bound): a loop needs a higher bound",
  "showBounds": "end",
  "typeChanges": 0,
  "verdict": "inconclusive",
}
`

exports[`test/report/summary.ts > TAP > a summary per fixture > unintended 1`] = `
Object {
  "bounds": Array [
    Object {
      "isDefault": true,
      "value": "auto (reached 16, max 64)",
      "what": "unwinding bound",
    },
    Object {
      "isDefault": false,
      "value": "12 elements",
      "what": "max buffer size (--max-size)",
    },
    Object {
      "isDefault": false,
      "value": "len elements, 0 <= len <= 12",
      "what": "buffer buf",
    },
    Object {
      "isDefault": true,
      "value": "non-NULL, one object each unless --buffer/--nullable",
      "what": "pointer parameters",
    },
    Object {
      "isDefault": true,
      "value": "NULL or one fresh object (depth 1)",
      "what": "pointer fields of input objects",
    },
    Object {
      "isDefault": true,
      "value": "any value, the same for both versions",
      "what": "globals at entry",
    },
    Object {
      "isDefault": true,
      "value": "undefined (a safety violation)",
      "what": "signed overflow",
    },
  ],
  "boundsApply": false,
  "claims": Object {
    "observed": 1,
    "total": 1,
    "unknown": 0,
    "unobserved": 0,
  },
  "constChanges": 0,
  "detail": "the patch changes behavior it does not claim (2 unintended differences)",
  "differences": Object {
    "intended": 1,
    "total": 3,
    "unintended": 2,
  },
  "errors": 0,
  "headline": "msg_fill(): the patch changes behavior outside its claims",
  "hints": 0,
  "label": "UNINTENDED",
  "outcome": "fail",
  "preExisting": 0,
  "runs": Object {
    "byStatus": Array [
      Object {
        "count": 5,
        "status": "found",
      },
    ],
    "total": 5,
  },
  "sentence": "the patch changes behavior outside its claims",
  "showBounds": "end",
  "typeChanges": 0,
  "verdict": "unintended",
}
`
