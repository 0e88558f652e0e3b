// SPDX-License-Identifier: MIT
pragma solidity ^0.8.4;

/// @title SVM: the Synnergy VM's precompiles (fork `SVM`) as Solidity functions.
/// @notice One function per precompile of docs/extensions.md, each a STATICCALL to its address.
/// Verifiers return the precompile's verdict (rule V: a malformed input is `false`, not a revert).
/// Every function reverts with `SVMPrecompileFailed` when the call fails (out of gas, or rule F:
/// an AES-GCM tag that does not authenticate) or answers with a length the table does not give,
/// which is what a chain without the SVM precompiles does (an empty account answers nothing), so
/// code using this library never reads "valid" on the wrong chain.
/// Byte layouts are the table's; `svm keys` produces keys and signatures in exactly these encodings.
library SVM {
    error SVMPrecompileFailed(address precompile);

    address internal constant SHA3_256 = address(0x010001);
    address internal constant SHA3_512 = address(0x010002);
    address internal constant BLAKE2B_512 = address(0x010003);
    address internal constant BLAKE3_256 = address(0x010004);
    address internal constant AES256GCM_DECRYPT = address(0x010010);
    address internal constant ED25519_VERIFY = address(0x010020);
    address internal constant SCHNORR_VERIFY = address(0x010021);
    address internal constant RSA_PKCS1_SHA256_VERIFY = address(0x010022);
    address internal constant RSA_PSS_SHA256_VERIFY = address(0x010023);
    address internal constant BLS_VERIFY = address(0x010030);
    address internal constant BLS_AGGREGATE_VERIFY = address(0x010031);
    address internal constant BLS_FAST_AGGREGATE_VERIFY = address(0x010032);
    address internal constant MLDSA44_VERIFY = address(0x010040);
    address internal constant MLDSA65_VERIFY = address(0x010041);
    address internal constant MLDSA87_VERIFY = address(0x010042);
    address internal constant SLHDSA_SHA2_128S_VERIFY = address(0x010044);
    address internal constant SLHDSA_SHA2_128F_VERIFY = address(0x010045);
    address internal constant SLHDSA_SHAKE_128S_VERIFY = address(0x010046);
    address internal constant SLHDSA_SHAKE_128F_VERIFY = address(0x010047);
    address internal constant FALCON512_VERIFY = address(0x010048);
    address internal constant FALCON1024_VERIFY = address(0x010049);
    address internal constant HYBRID_VERIFY = address(0x010050);

    /// @notice Calls `precompile` with `input`; reverts unless the call succeeds with `outputLength` bytes (any length if -1).
    function callPrecompile(address precompile, bytes memory input, int256 outputLength) internal view returns (bytes memory output) {
        bool ok;
        (ok, output) = precompile.staticcall(input);
        if (!ok || (outputLength >= 0 && output.length != uint256(outputLength))) revert SVMPrecompileFailed(precompile);
    }

    /// @notice Any verifier given its whole input, as `svm keys` prints it (`precompile.input`).
    function verify(address precompile, bytes memory input) internal view returns (bool) {
        return abi.decode(callPrecompile(precompile, input, 32), (uint256)) == 1;
    }

    // Hashes (rule N).

    /// @notice FIPS 202 SHA3-256 (not keccak256).
    function sha3_256(bytes memory data) internal view returns (bytes32) {
        return bytes32(callPrecompile(SHA3_256, data, 32));
    }

    /// @notice FIPS 202 SHA3-512: 64 bytes.
    function sha3_512(bytes memory data) internal view returns (bytes memory) {
        return callPrecompile(SHA3_512, data, 64);
    }

    /// @notice RFC 7693 BLAKE2b, unkeyed, 64 bytes.
    function blake2b512(bytes memory data) internal view returns (bytes memory) {
        return callPrecompile(BLAKE2B_512, data, 64);
    }

    /// @notice BLAKE3 hash mode, 32 bytes.
    function blake3_256(bytes memory data) internal view returns (bytes32) {
        return bytes32(callPrecompile(BLAKE3_256, data, 32));
    }

    /// @notice NIST SP 800-38D AES-256-GCM; reverts when the 16-byte tag (the last bytes of `ciphertextAndTag`) does not authenticate.
    function aes256GcmDecrypt(bytes32 key, bytes12 nonce, bytes memory aad, bytes memory ciphertextAndTag) internal view returns (bytes memory) {
        return callPrecompile(AES256GCM_DECRYPT, abi.encodePacked(key, nonce, aad.length, aad, ciphertextAndTag), -1);
    }

    // Classical signatures (rule V).

    /// @notice RFC 8032 Ed25519 (strict): pk 32, sig 64, any message.
    function ed25519Verify(bytes32 publicKey, bytes memory signature, bytes memory message) internal view returns (bool) {
        return verify(ED25519_VERIFY, abi.encodePacked(publicKey, signature, message));
    }

    /// @notice BIP-340 Schnorr: x-only pk 32, sig 64, any message.
    function schnorrVerify(bytes32 publicKey, bytes memory signature, bytes memory message) internal view returns (bool) {
        return verify(SCHNORR_VERIFY, abi.encodePacked(publicKey, signature, message));
    }

    /// @notice RFC 8017 RSASSA-PKCS1-v1_5 with SHA-256; 2048-4096-bit n, sig as long as n.
    function rsaPkcs1Sha256Verify(bytes memory n, bytes memory e, bytes memory signature, bytes memory message) internal view returns (bool) {
        return verify(RSA_PKCS1_SHA256_VERIFY, abi.encodePacked(n.length, e.length, n, e, signature, message));
    }

    /// @notice RFC 8017 RSASSA-PSS with SHA-256, MGF1-SHA-256, salt 32.
    function rsaPssSha256Verify(bytes memory n, bytes memory e, bytes memory signature, bytes memory message) internal view returns (bool) {
        return verify(RSA_PSS_SHA256_VERIFY, abi.encodePacked(n.length, e.length, n, e, signature, message));
    }

    // BLS12-381, min-pk, proof-of-possession ciphersuite (rule V).

    /// @notice pk 48 (compressed G1), sig 96 (compressed G2), any message.
    function blsVerify(bytes memory publicKey, bytes memory signature, bytes memory message) internal view returns (bool) {
        return verify(BLS_VERIFY, abi.encodePacked(publicKey, signature, message));
    }

    /// @notice One aggregate signature over k (pk 48, msg 32) pairs.
    function blsAggregateVerify(bytes memory signature, bytes[] memory publicKeys, bytes32[] memory messages) internal view returns (bool) {
        if (publicKeys.length != messages.length) return false;
        bytes memory input = signature;
        for (uint256 i = 0; i < publicKeys.length; i++) input = abi.encodePacked(input, publicKeys[i], messages[i]);
        return verify(BLS_AGGREGATE_VERIFY, input);
    }

    /// @notice One aggregate signature of k keys over the same 32-byte message.
    function blsFastAggregateVerify(bytes memory signature, bytes32 message, bytes[] memory publicKeys) internal view returns (bool) {
        bytes memory input = abi.encodePacked(signature, message);
        for (uint256 i = 0; i < publicKeys.length; i++) input = abi.encodePacked(input, publicKeys[i]);
        return verify(BLS_FAST_AGGREGATE_VERIFY, input);
    }

    // Post-quantum signatures (rule V): pure, empty context, over a 32-byte message.

    /// @notice FIPS 204 ML-DSA-44: sig 2420, pk 1312.
    function mlDsa44Verify(bytes32 message, bytes memory signature, bytes memory publicKey) internal view returns (bool) {
        return verify(MLDSA44_VERIFY, abi.encodePacked(message, signature, publicKey));
    }

    /// @notice FIPS 204 ML-DSA-65: sig 3309, pk 1952.
    function mlDsa65Verify(bytes32 message, bytes memory signature, bytes memory publicKey) internal view returns (bool) {
        return verify(MLDSA65_VERIFY, abi.encodePacked(message, signature, publicKey));
    }

    /// @notice FIPS 204 ML-DSA-87: sig 4627, pk 2592.
    function mlDsa87Verify(bytes32 message, bytes memory signature, bytes memory publicKey) internal view returns (bool) {
        return verify(MLDSA87_VERIFY, abi.encodePacked(message, signature, publicKey));
    }

    /// @notice FIPS 205 SLH-DSA-SHA2-128s: sig 7856, pk 32.
    function slhDsaSha2_128sVerify(bytes32 message, bytes memory signature, bytes memory publicKey) internal view returns (bool) {
        return verify(SLHDSA_SHA2_128S_VERIFY, abi.encodePacked(message, signature, publicKey));
    }

    /// @notice FIPS 205 SLH-DSA-SHA2-128f: sig 17088, pk 32.
    function slhDsaSha2_128fVerify(bytes32 message, bytes memory signature, bytes memory publicKey) internal view returns (bool) {
        return verify(SLHDSA_SHA2_128F_VERIFY, abi.encodePacked(message, signature, publicKey));
    }

    /// @notice FIPS 205 SLH-DSA-SHAKE-128s: sig 7856, pk 32.
    function slhDsaShake128sVerify(bytes32 message, bytes memory signature, bytes memory publicKey) internal view returns (bool) {
        return verify(SLHDSA_SHAKE_128S_VERIFY, abi.encodePacked(message, signature, publicKey));
    }

    /// @notice FIPS 205 SLH-DSA-SHAKE-128f: sig 17088, pk 32.
    function slhDsaShake128fVerify(bytes32 message, bytes memory signature, bytes memory publicKey) internal view returns (bool) {
        return verify(SLHDSA_SHAKE_128F_VERIFY, abi.encodePacked(message, signature, publicKey));
    }

    /// @notice Falcon-512 (v1.2, padded): pk 897, sig 666, any message.
    function falcon512Verify(bytes memory publicKey, bytes memory signature, bytes memory message) internal view returns (bool) {
        return verify(FALCON512_VERIFY, abi.encodePacked(publicKey, signature, message));
    }

    /// @notice Falcon-1024 (v1.2, padded): pk 1793, sig 1280, any message.
    function falcon1024Verify(bytes memory publicKey, bytes memory signature, bytes memory message) internal view returns (bool) {
        return verify(FALCON1024_VERIFY, abi.encodePacked(publicKey, signature, message));
    }

    /// @notice Both a classical and a post-quantum signature over `message` (ids and parts: docs/extensions.md, HYBRID_VERIFY).
    function hybridVerify(uint8 classicalId, uint8 pqId, bytes32 message, bytes memory classicalPart, bytes memory pqPart) internal view returns (bool) {
        return verify(HYBRID_VERIFY, abi.encodePacked(classicalId, pqId, message, classicalPart, pqPart));
    }
}
