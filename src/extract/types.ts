/** Boundary types of the extract stage: what we know about one function in two versions. */

export type CType =
  | { readonly kind: 'scalar'; readonly text: string; readonly float?: boolean }
  | { readonly kind: 'pointer'; readonly to: CType; readonly text: string }
  | { readonly kind: 'array'; readonly of: CType; readonly length: number | null; readonly text: string }
  | { readonly kind: 'record'; readonly tag: string; readonly union: boolean; readonly fields: readonly Field[]; readonly text: string }
  | { readonly kind: 'function'; readonly text: string }
  | { readonly kind: 'opaque'; readonly text: string }

export interface Field {
  readonly name: string
  readonly type: CType
  /** Bit-fields cannot have their address taken or be typeof'd. */
  readonly bitfield: boolean
  /** A member of an anonymous union, reached directly: it shares its bytes with the union's other members. */
  readonly overlaid?: boolean
}

export interface Param {
  readonly name: string
  readonly type: CType
  /** `typedef <this>;` declares the parameter's type under the name `KLP_TYPE_NAME`. */
  readonly typedefText: string
}

export interface GlobalVar {
  /** Name in the source (before renaming). Static locals are `fn::name`. */
  readonly name: string
  /** Name in the generated TU (after renaming), e.g. `klp_old_nr_errors`. */
  readonly cName: string
  readonly type: CType
  readonly isConst: boolean
  readonly hasInit: boolean
  /** Normalised initializer text, to detect changed constant data. */
  readonly initText: string
  /** `extern <decl>;` for the harness to reach this variable from another TU. */
  readonly externDecl: string
  /** Where it is declared (user file and line) or the function for static locals. */
  readonly origin: string
  readonly staticLocalOf?: string
  /** Read-only in both versions: one object shared by both (the solver sees one value). */
  readonly shared: boolean
}

export interface TypeChange {
  /** e.g. `struct kobj`. */
  readonly type: string
  readonly detail: string
}

/** One version of the translation unit, renamed so it can be linked with the other. */
export interface VersionUnit {
  readonly version: 'old' | 'new'
  readonly path: string
  /** Preprocessed, renamed C text; keeps line markers, so CBMC reports lines of the user's file. */
  readonly text: string
  /** The renamed entry point, e.g. `klp_old_foo`. */
  readonly entry: string
  readonly prefix: string
  readonly globals: readonly GlobalVar[]
  /** Renamed name of every function defined in this version. */
  readonly functions: ReadonlyMap<string, string>
  /** Source lines of the user's file where loops start, by renamed function. */
  readonly enumerators: ReadonlySet<string>
  /** Typedef names of this version's code: `(fmode_t)(1 << 0)` in a claim is a cast, not a call. */
  readonly typedefs?: ReadonlySet<string>
}

export interface FunctionSignature {
  readonly name: string
  readonly params: readonly Param[]
  readonly returnType: CType
  /** `typedef <this>;` declares the return type under `KLP_TYPE_NAME`. */
  readonly returnTypedef: string
  readonly variadic: boolean
}

export interface ClaimText {
  readonly when: string
  readonly then?: string
}

/** One container an embedded type is reached through: container_of(p, container, member) in `via`. */
export interface ContainerUse {
  /** As the code writes it: `struct inotify_event_info`. */
  readonly container: string
  /** `fse`, or `a.b` for a nested member. */
  readonly member: string
  /** The functions it is written in: `INOTIFY_E()`. */
  readonly via: readonly string[]
}

/** The containers the code uses for one embedded type (`struct fsnotify_event`); more than one is ambiguous. */
export interface EmbeddedContainers {
  readonly embedded: string
  readonly containers: readonly ContainerUse[]
}

/** A spec's shape contract (`containers:`), checked against the code: parameter `param` points at `member` inside a `container`. */
export interface ContainerContract {
  readonly param: string
  readonly container: string
  readonly member: string
}

/** A private area behind a struct net_device parameter (spec `shapes:`), checked against the code (shapes.ts). */
export interface PrivShape {
  readonly param: string
  /** The private type as the code names it (`struct foo_priv`) and its CType. */
  readonly type: string
  readonly ctype: CType
  /** The device's flexible array member netdev_priv() returns (6.x `priv[]`); absent: the area follows the struct at NETDEV_ALIGN. */
  readonly flexible?: string
}

/** Network input shapes (model/skb.ts): the spec's, checked against the code, and what the code defines for them. */
export interface NetShapes {
  /** sk_buff parameters the spec states are linear (every sk_buff input is; the report says who said so). */
  readonly linear: readonly string[]
  readonly privs: readonly PrivShape[]
  /**
   * The code defines struct skb_shared_info: it follows each linear sk_buff's buffer (skb_shinfo()),
   * with these of its members zeroed (nr_frags, frag_list, destructor_arg: no fragments); null: it does not.
   */
  readonly skbShared: readonly string[] | null
}

/** Result of the extract stage. */
export interface FunctionPair {
  readonly func: string
  readonly old: VersionUnit
  readonly new: VersionUnit
  readonly signature: FunctionSignature
  readonly typeChanges: readonly TypeChange[]
  /** Const globals whose initializer differs between versions. */
  readonly constChanges: readonly string[]
  /** External functions the code under proof calls (declared, defined nowhere in it). */
  readonly externals: import('./externals.js').ExternalsResult
  /** Non-constant multiplications/divisions in either version's reachable code (solver choice). */
  readonly nonlinear: number
  /**
   * Every name either version's reachable code mentions: a bodiless function outside it (another
   * function of the file calls it) is never executed and does not matter.
   */
  readonly referenced: readonly string[]
  /** container_of in either version's reachable code, per embedded type (containers.ts); absent: none looked for. */
  readonly containers?: readonly EmbeddedContainers[]
  /** The spec's container contracts (they win over what was found for their parameter). */
  readonly containerContracts?: readonly ContainerContract[]
  /** The container types of `containers` and `containerContracts` (old version), by name as written. */
  readonly containerTypes?: Readonly<Record<string, CType>>
  /** Network input shapes (shapes.ts); absent: nothing stated and no skb_shared_info defined. */
  readonly shapes?: NetShapes
  /** Identical code and unchanged callees shared by both versions (shared-callees.ts); absent: not looked for. */
  readonly sharedCallees?: import('./shared-callees.js').SharedCallees
  /** Claims and assumptions, macro-expanded in each version's context. */
  readonly expanded: {
    readonly oldExprs: readonly string[]
    readonly newExprs: readonly string[]
  }
}
