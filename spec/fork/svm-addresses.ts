/**
 * The addresses of the SVM fork's own precompiles (docs/extensions.md, the normative table), those
 * the spec implements so far. The block starts at 0x010000, just above the 0x0000-0xffff range
 * EIP-1352 reserves for Ethereum's precompiles and system contracts.
 */
export const SVM_PRECOMPILE_ADDRESSES: readonly bigint[] = [];
