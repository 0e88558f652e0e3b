/**
 * `svm keys`: the off-chain half of the SVM precompiles (docs/extensions.md). Makes keys for every
 * scheme a precompile verifies, signs, verifies, deals t-of-n threshold BLS keys, combines partial
 * signatures and aggregates BLS signatures. Every output is a JSON document whose hex fields are in
 * the byte layout the precompile takes, with the exact precompile input alongside (src/keys/).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { bytesField, callJson, integerField, type Json, KINDS, readDocument, stringField } from "../keys/documents.js";
import { call, fromHex, KeyInputError, toHex } from "../keys/encoding.js";
import { checkMessage, MIN_SEED_BYTES, SCHEME_NAMES, type Scheme, schemeNamed, SCHEMES, blsVerify } from "../keys/schemes.js";
import { aggregateSignatures, combinePartials, dealThresholdKey, partialSign, partialVerifies } from "../keys/threshold.js";
import { type Command, InputError, UsageError } from "./command.js";
import { EXIT } from "./exit-codes.js";
import { type OptionSpec, type ParsedOptions, parseOptions, positiveInteger } from "./options.js";
import { checkOutputFile, checkOutputFolder } from "./output-path.js";

interface Subcommand {
  readonly options: readonly OptionSpec[];
  /** Runs with the options parsed; subcommands that take no file arguments refuse them (noFiles). */
  run(parsed: ParsedOptions): number;
}

const JSON_SWITCH: OptionSpec = { name: "--json", value: false };
const OUT: OptionSpec = { name: "--out", value: true };
const SEED: OptionSpec = { name: "--seed", value: true };
const MESSAGE: OptionSpec = { name: "--message", value: true };

function required(parsed: ParsedOptions, flag: string): string {
  const value = parsed.values.get(flag);
  if (value === undefined) throw new UsageError(`${flag} is required`);
  return value;
}

/** Hex given on the command line: a mistake there is a usage error. */
function hexOption(parsed: ParsedOptions, flag: string): Uint8Array | undefined {
  const text = parsed.values.get(flag);
  if (text === undefined) return undefined;
  try {
    return fromHex(text, flag);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function seedOption(parsed: ParsedOptions): Uint8Array | undefined {
  const seed = hexOption(parsed, "--seed");
  if (seed !== undefined && seed.length < MIN_SEED_BYTES) throw new UsageError(`--seed: at least ${MIN_SEED_BYTES} bytes (${2 * MIN_SEED_BYTES} hex digits), got ${seed.length}`);
  return seed;
}

function schemeOption(parsed: ParsedOptions): Scheme | undefined {
  const name = parsed.values.get("--scheme");
  if (name === undefined) return undefined;
  if (!SCHEME_NAMES.includes(name)) throw new UsageError(`--scheme: unknown scheme '${name}' (one of: ${SCHEME_NAMES.join(", ")})`);
  return schemeNamed(name);
}

/** Hex longer than this many bytes is shortened in human output when the whole document went to --out. */
const SHORT_HEX_BYTES = 48;

function shortened(value: unknown): string {
  const text = String(value);
  if (!/^0x[0-9a-f]*$/.test(text) || text.length <= 2 + 2 * SHORT_HEX_BYTES) return text;
  return `${text.slice(0, 18)}…${text.slice(-8)} (${(text.length - 2) / 2} bytes)`;
}

/** A line per field, nested objects indented: the human form of a document. */
function human(document: Json, show: (value: unknown) => string, indent = ""): string[] {
  return Object.entries(document).flatMap(([key, value]) => {
    if (Array.isArray(value)) {
      const items = value.flatMap((item, i) => (typeof item === "object" && item !== null ? [`${indent}  [${i}]`, ...human(item as Json, show, `${indent}    `)] : [`${indent}  ${show(item)}`]));
      return [`${indent}${key}:`, ...items];
    }
    if (typeof value === "object" && value !== null) return [`${indent}${key}:`, ...human(value as Json, show, `${indent}  `)];
    return [`${indent}${key}: ${show(value)}`];
  });
}

/**
 * JSON with --json; otherwise a line per field, long hex shortened when the document was written
 * to a file (it is all there), in full when stdout is the only copy.
 */
function print(document: Json, parsed: ParsedOptions, written?: string): void {
  if (parsed.switches.has("--json")) {
    console.log(JSON.stringify(document, null, 2));
    return;
  }
  console.log(human(document, written === undefined ? String : shortened).join("\n"));
  if (written !== undefined) console.log(`written to ${written}`);
}

/** Writes the document to --out (checked first) and prints it. */
function emit(document: Json, parsed: ParsedOptions): void {
  const out = parsed.values.get("--out");
  if (out !== undefined) {
    checkOutputFile("--out", out);
    writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
  }
  print(document, parsed, out);
}

function noFiles(parsed: ParsedOptions): void {
  if (parsed.positional.length > 0) throw new UsageError(`unexpected argument '${parsed.positional[0]}'`);
}

function signatureDocument(scheme: Scheme, publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Json {
  return {
    kind: KINDS.signature,
    scheme: scheme.name,
    publicKey: toHex(publicKey),
    message: toHex(message),
    signature: toHex(signature),
    precompile: callJson(scheme.calls(publicKey, message, signature)[0]!),
  };
}

const generate: Subcommand = {
  options: [{ name: "--scheme", value: true }, SEED, { name: "--bits", value: true }, OUT, JSON_SWITCH],
  run(parsed) {
    noFiles(parsed);
    const scheme = schemeOption(parsed);
    if (scheme === undefined) throw new UsageError(`--scheme is required (one of: ${SCHEME_NAMES.join(", ")})`);
    const bits = parsed.values.get("--bits");
    if (bits !== undefined && scheme.keySizes === undefined) throw new UsageError(`--bits is for RSA keys; ${scheme.name} has one key size`);
    const pair = scheme.generate(seedOption(parsed), bits === undefined ? undefined : { bits: positiveInteger("--bits", bits) });
    emit({ kind: KINDS.key, scheme: scheme.name, publicKey: toHex(pair.publicKey), secretKey: toHex(pair.secretKey) }, parsed);
    return EXIT.held;
  },
};

/** A key file and its scheme; --scheme, when given too, must agree with the file. */
function keyFile(parsed: ParsedOptions): { scheme: Scheme; document: Json; path: string } {
  const path = required(parsed, "--key");
  const document = readDocument(path, KINDS.key, "--key");
  const scheme = schemeNamed(stringField(document, "scheme", path));
  const named = schemeOption(parsed);
  if (named !== undefined && named !== scheme) throw new UsageError(`--scheme ${named.name} but ${path} holds a ${scheme.name} key`);
  return { scheme, document, path };
}

function messageOption(parsed: ParsedOptions, scheme: Scheme): Uint8Array {
  const message = hexOption(parsed, "--message");
  if (message === undefined) throw new UsageError("--message HEX is required");
  checkMessage(scheme, message);
  return message;
}

/** A library's refusal of a malformed secret key becomes an input error naming the file. */
function withKeyErrors<T>(path: string, make: () => T): T {
  try {
    return make();
  } catch (error) {
    if (error instanceof KeyInputError) throw error;
    throw new KeyInputError(`${path}: cannot sign with this secret key (${error instanceof Error ? error.message : String(error)})`);
  }
}

const sign: Subcommand = {
  options: [{ name: "--key", value: true }, { name: "--scheme", value: true }, MESSAGE, SEED, OUT, JSON_SWITCH],
  run(parsed) {
    noFiles(parsed);
    const { scheme, document, path } = keyFile(parsed);
    const message = messageOption(parsed, scheme);
    const publicKey = bytesField(document, "publicKey", path);
    const secretKey = bytesField(document, "secretKey", path);
    const seed = seedOption(parsed);
    const signature = withKeyErrors(path, () => scheme.sign(secretKey, message, seed));
    emit(signatureDocument(scheme, publicKey, message, signature), parsed);
    return EXIT.held;
  },
};

const verify: Subcommand = {
  options: [
    { name: "--signed", value: true },
    { name: "--key", value: true },
    { name: "--scheme", value: true },
    { name: "--public-key", value: true },
    MESSAGE,
    { name: "--signature", value: true },
    JSON_SWITCH,
  ],
  run(parsed) {
    noFiles(parsed);
    const signedPath = parsed.values.get("--signed");
    let scheme: Scheme;
    let publicKey: Uint8Array;
    let message: Uint8Array;
    let signature: Uint8Array;
    if (signedPath !== undefined) {
      for (const flag of ["--key", "--public-key", "--message", "--signature"]) {
        if (parsed.values.has(flag)) throw new UsageError(`--signed FILE already holds the key, message and signature; drop ${flag}`);
      }
      const signed = readDocument(signedPath, KINDS.signature, "--signed");
      scheme = schemeNamed(stringField(signed, "scheme", signedPath));
      publicKey = bytesField(signed, "publicKey", signedPath);
      message = bytesField(signed, "message", signedPath);
      signature = bytesField(signed, "signature", signedPath);
    } else {
      if (parsed.values.has("--key") === parsed.values.has("--public-key")) throw new UsageError("give the key as --key FILE or as --scheme S --public-key HEX (or everything as --signed FILE)");
      if (parsed.values.has("--key")) {
        const file = keyFile(parsed);
        scheme = file.scheme;
        publicKey = bytesField(file.document, "publicKey", file.path);
      } else {
        const named = schemeOption(parsed);
        if (named === undefined) throw new UsageError("--public-key needs --scheme");
        scheme = named;
        publicKey = hexOption(parsed, "--public-key")!;
      }
      message = messageOption(parsed, scheme);
      const given = hexOption(parsed, "--signature");
      if (given === undefined) throw new UsageError("--signature HEX is required");
      signature = given;
    }
    const valid = scheme.verify(publicKey, message, signature);
    const precompile = scheme.calls(publicKey, message, signature)[0]!;
    if (parsed.switches.has("--json")) print({ valid, scheme: scheme.name, precompile: callJson(precompile) }, parsed);
    else console.log(`${valid ? "valid: the" : "invalid: the"} ${scheme.name} signature ${valid ? "holds" : "does not hold"} (${precompile.name} at ${precompile.address})`);
    return valid ? EXIT.held : EXIT.failed;
  },
};

const threshold: Subcommand = {
  options: [{ name: "--t", value: true }, { name: "--n", value: true }, SEED, OUT, JSON_SWITCH],
  run(parsed) {
    noFiles(parsed);
    const t = positiveInteger("--t", required(parsed, "--t"));
    const n = positiveInteger("--n", required(parsed, "--n"));
    const dealt = dealThresholdKey(t, n, seedOption(parsed));
    const groupPublicKey = toHex(dealt.groupPublicKey);
    const shares = dealt.shares.map((share) => ({
      kind: KINDS.share,
      t,
      n,
      index: share.index,
      groupPublicKey,
      publicKey: toHex(share.publicKey),
      secretKey: toHex(share.secretKey),
    }));
    const group: Json = { kind: KINDS.threshold, scheme: "bls", t, n, groupPublicKey, shares: shares.map(({ index, publicKey }) => ({ index, publicKey })) };
    const out = parsed.values.get("--out");
    if (out === undefined) {
      print({ ...group, shares }, parsed);
      return EXIT.held;
    }
    checkOutputFolder("--out", out);
    writeFileSync(join(out, "group.json"), `${JSON.stringify(group, null, 2)}\n`);
    for (const share of shares) writeFileSync(join(out, `share-${share.index}.json`), `${JSON.stringify(share, null, 2)}\n`);
    print(group, parsed, `${join(out, "group.json")} and ${join(out, "share-1.json")} … share-${n}.json`);
    return EXIT.held;
  },
};

const BLS = schemeNamed("bls");

const partialSignCommand: Subcommand = {
  options: [{ name: "--share", value: true }, MESSAGE, OUT, JSON_SWITCH],
  run(parsed) {
    noFiles(parsed);
    const path = required(parsed, "--share");
    const share = readDocument(path, KINDS.share, "--share");
    const index = integerField(share, "index", path);
    const message = messageOption(parsed, BLS);
    const secretKey = bytesField(share, "secretKey", path);
    const partial = withKeyErrors(path, () => partialSign({ index, secretKey }, message));
    emit(
      {
        kind: KINDS.partial,
        t: integerField(share, "t", path),
        index,
        groupPublicKey: stringField(share, "groupPublicKey", path),
        publicKey: stringField(share, "publicKey", path),
        message: toHex(message),
        signature: toHex(partial.signature),
      },
      parsed,
    );
    return EXIT.held;
  },
};

/** Every document must carry the same value of `field` (one group key, one message, one t). */
function same(documents: readonly Json[], field: string, files: readonly string[]): unknown {
  const first = documents[0]![field];
  documents.forEach((document, i) => {
    if (document[field] !== first) throw new KeyInputError(`${files[i]}: its ${field} differs from ${files[0]}'s`);
  });
  return first;
}

const combine: Subcommand = {
  options: [OUT, JSON_SWITCH],
  run(parsed) {
    const files = parsed.positional;
    if (files.length === 0) throw new UsageError("give the partial signature files: svm keys combine PARTIAL.json...");
    const partials = files.map((file) => readDocument(file, KINDS.partial, "combine"));
    const t = integerField(partials[0]!, "t", files[0]!);
    same(partials, "t", files);
    same(partials, "groupPublicKey", files);
    same(partials, "message", files);
    if (files.length < t) throw new KeyInputError(`${t} partial signatures are needed (t = ${t}), ${files.length} given`);
    const message = bytesField(partials[0]!, "message", files[0]!);
    const groupPublicKey = bytesField(partials[0]!, "groupPublicKey", files[0]!);
    const parsedPartials = partials.map((partial, i) => ({
      index: integerField(partial, "index", files[i]!),
      signature: bytesField(partial, "signature", files[i]!),
      publicKey: bytesField(partial, "publicKey", files[i]!),
    }));
    const invalid = parsedPartials.flatMap((partial, i) => (partialVerifies(partial.publicKey, message, partial) ? [] : [files[i]!]));
    if (invalid.length > 0) {
      console.error(`svm keys combine: not a valid partial signature of its share: ${invalid.join(", ")}`);
      return EXIT.failed;
    }
    const signature = combinePartials(parsedPartials);
    if (!blsVerify(groupPublicKey, message, signature)) {
      console.error("svm keys combine: the combined signature does not verify against the group key (shares of another dealing?)");
      return EXIT.failed;
    }
    emit({ ...signatureDocument(BLS, groupPublicKey, message, signature), signers: parsedPartials.map((partial) => partial.index) }, parsed);
    return EXIT.held;
  },
};

const aggregate: Subcommand = {
  options: [OUT, JSON_SWITCH],
  run(parsed) {
    const files = parsed.positional;
    if (files.length === 0) throw new UsageError("give the BLS signature files: svm keys aggregate SIGNED.json...");
    const signed = files.map((file) => {
      const document = readDocument(file, KINDS.signature, "aggregate");
      if (document.scheme !== "bls") throw new KeyInputError(`${file}: a ${String(document.scheme)} signature; only bls signatures aggregate`);
      return { publicKey: bytesField(document, "publicKey", file), message: bytesField(document, "message", file), signature: bytesField(document, "signature", file), file };
    });
    const long = signed.find((item) => item.message.length !== 32);
    if (long !== undefined) throw new KeyInputError(`${long.file}: the aggregate precompiles take 32-byte messages (sign a digest), this one has ${long.message.length}`);
    const invalid = signed.filter((item) => !blsVerify(item.publicKey, item.message, item.signature)).map((item) => item.file);
    if (invalid.length > 0) {
      console.error(`svm keys aggregate: not a valid BLS signature: ${invalid.join(", ")}`);
      return EXIT.failed;
    }
    const signature = aggregateSignatures(signed.map((item) => item.signature));
    const oneMessage = signed.every((item) => toHex(item.message) === toHex(signed[0]!.message));
    const calls = [call(0x010031, "BLS_AGGREGATE_VERIFY", signature, ...signed.flatMap((item) => [item.publicKey, item.message]))];
    if (oneMessage) calls.unshift(call(0x010032, "BLS_FAST_AGGREGATE_VERIFY", signature, signed[0]!.message, ...signed.map((item) => item.publicKey)));
    emit(
      {
        kind: KINDS.aggregate,
        signature: toHex(signature),
        signers: signed.map((item) => ({ publicKey: toHex(item.publicKey), message: toHex(item.message) })),
        precompiles: calls.map(callJson),
      },
      parsed,
    );
    return EXIT.held;
  },
};

const hybrid: Subcommand = {
  options: [{ name: "--classical", value: true }, { name: "--pq", value: true }, OUT, JSON_SWITCH],
  run(parsed) {
    noFiles(parsed);
    const parts = (["--classical", "--pq"] as const).map((flag) => {
      const path = required(parsed, flag);
      const document = readDocument(path, KINDS.signature, flag);
      const scheme = schemeNamed(stringField(document, "scheme", path));
      const side = flag === "--pq" ? "pq" : "classical";
      if (scheme.hybrid?.side !== side) throw new KeyInputError(`${flag}: ${scheme.name} is not a ${side} scheme of HYBRID_VERIFY`);
      return { scheme, role: scheme.hybrid, message: bytesField(document, "message", path), part: scheme.hybrid.part(bytesField(document, "publicKey", path), bytesField(document, "signature", path)) };
    });
    const [classical, pq] = parts as [(typeof parts)[0], (typeof parts)[0]];
    if (toHex(classical.message) !== toHex(pq.message) || classical.message.length !== 32) throw new KeyInputError("both signatures must be over the same 32-byte message");
    const input = call(0x010050, "HYBRID_VERIFY", Uint8Array.of(classical.role.id, pq.role.id), classical.message, classical.part, pq.part);
    emit({ kind: KINDS.hybrid, classical: classical.scheme.name, pq: pq.scheme.name, message: toHex(classical.message), precompile: callJson(input) }, parsed);
    return EXIT.held;
  },
};

const SUBCOMMANDS: Readonly<Record<string, Subcommand>> = {
  generate,
  sign,
  verify,
  threshold,
  "partial-sign": partialSignCommand,
  combine,
  aggregate,
  hybrid,
};

const schemeLines = SCHEMES.flatMap((scheme) => [`  ${scheme.name.padEnd(19)} ${scheme.precompile}`, `  ${"".padEnd(19)} ${scheme.publicKeyLayout}; ${scheme.signatureLayout}`]);

export const keysCommand: Command = {
  name: "keys",
  summary: "make keys, sign, and deal/combine t-of-n BLS threshold signatures for the SVM precompiles",
  help: `Usage: svm keys <generate|sign|verify|threshold|partial-sign|combine|aggregate|hybrid> [options]

Keys and signatures for the SVM fork's precompiles (docs/extensions.md). Every document is JSON with
0x-hex fields in the precompile's byte layout; a signature comes with its precompile's address and
exact input. Human-readable lines unless --json; --out FILE also writes the JSON document.

  generate --scheme S [--seed HEX] [--bits 2048|3072|4096] [--out FILE]
        a key pair; with --seed (≥ ${MIN_SEED_BYTES} bytes) the same seed gives the same key (not RSA)
  sign --key FILE --message HEX [--seed HEX] [--out FILE]
        signs; ml-dsa/slh-dsa/secp256k1/p256 take a 32-byte message (a digest); --seed fixes
        hedged signing's randomness
  verify --signed FILE | (--key FILE | --scheme S --public-key HEX) --message HEX --signature HEX
        exit 0 if the signature is valid, 1 if not
  threshold --t T --n N [--seed HEX] [--out DIR]
        deals a t-of-n BLS group key: DIR/group.json and DIR/share-1.json … share-N.json
        (Shamir shares of the secret over the BLS12-381 scalar field)
  partial-sign --share FILE --message HEX [--out FILE]
        one share's partial signature
  combine PARTIAL.json... [--out FILE]
        any t partials → the group signature (Lagrange at x = 0 in G2), checked against the
        group key; exit 1 if a partial or the result does not verify
  aggregate SIGNED.json... [--out FILE]
        sums BLS signatures over 32-byte messages; input for 0x010031 (and 0x010032 when
        every message is the same)
  hybrid --classical SIGNED.json --pq SIGNED.json [--out FILE]
        the HYBRID_VERIFY (0x010050) input from a secp256k1/p256/ed25519 and a post-quantum
        signature over one 32-byte message

Schemes (precompile, key and signature encodings):
${schemeLines.join("\n")}

Example:
  svm keys generate --scheme ml-dsa-44 --seed 000102030405060708090a0b0c0d0e0f --out alice.json
  svm keys sign --key alice.json --message 0x${"ab".repeat(32)} --json`,
  async run(args) {
    const [name, ...rest] = args;
    if (name === undefined) throw new UsageError(`a subcommand is required: ${Object.keys(SUBCOMMANDS).join(", ")}`);
    const subcommand = SUBCOMMANDS[name];
    if (subcommand === undefined) throw new UsageError(`unknown subcommand '${name}' (one of: ${Object.keys(SUBCOMMANDS).join(", ")})`);
    const parsed = parseOptions(rest, subcommand.options);
    try {
      return subcommand.run(parsed);
    } catch (error) {
      if (error instanceof KeyInputError) throw new InputError(error.message);
      throw error;
    }
  },
};
