/**
 * The addresses of the SVM fork's own precompiles (docs/extensions.md is the normative table).
 * The block starts at 0x010000, just above the 0x0000-0xffff range EIP-1352 reserves for
 * Ethereum's precompiles and system contracts (EIP-7587's 0x0100-0x01ff rollup range included),
 * so no Ethereum or rollup precompile can ever collide with one of these. Families get 16-address
 * sub-blocks: hashes 0x010000, symmetric 0x010010, classical signatures 0x010020, BLS 0x010030,
 * post-quantum 0x010040, hybrid 0x010050.
 */
export const SVM_ADDRESS = {
  SHA3_256: 0x010001n,
  SHA3_512: 0x010002n,
  BLAKE2B_512: 0x010003n,
  BLAKE3_256: 0x010004n,
  AES256GCM_DECRYPT: 0x010010n,
  ED25519_VERIFY: 0x010020n,
  SCHNORR_VERIFY: 0x010021n,
  RSA_PKCS1_SHA256_VERIFY: 0x010022n,
  RSA_PSS_SHA256_VERIFY: 0x010023n,
  BLS_VERIFY: 0x010030n,
  BLS_AGGREGATE_VERIFY: 0x010031n,
  BLS_FAST_AGGREGATE_VERIFY: 0x010032n,
  MLDSA44_VERIFY: 0x010040n,
  MLDSA65_VERIFY: 0x010041n,
  MLDSA87_VERIFY: 0x010042n,
  SLHDSA_SHA2_128S_VERIFY: 0x010044n,
  SLHDSA_SHA2_128F_VERIFY: 0x010045n,
  SLHDSA_SHAKE_128S_VERIFY: 0x010046n,
  SLHDSA_SHAKE_128F_VERIFY: 0x010047n,
  FALCON512_VERIFY: 0x010048n,
  FALCON1024_VERIFY: 0x010049n,
  HYBRID_VERIFY: 0x010050n,
} as const;

export type SvmPrecompileName = keyof typeof SVM_ADDRESS;

/** Every SVM precompile, in address order: the spec implements them all. */
export const SVM_PRECOMPILE_ADDRESSES: readonly bigint[] = Object.values(SVM_ADDRESS);
