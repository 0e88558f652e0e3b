/**
 * The subset of semantic-version ranges `pragma solidity` uses (Solidity docs, "Version Pragma",
 * which follows npm's semver): comparators `^ ~ >= <= > < =` or none, partial versions (`0.8`,
 * `0.8.x`), hyphen ranges (`0.5.0 - 0.6.0`), space-separated intersections and `||` unions.
 */
import { compileFailure } from "./errors.js";

export interface Version {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
}

type Operator = "<" | "<=" | ">" | ">=" | "=";
interface Comparator {
  readonly op: Operator;
  readonly version: Version;
}
/** A union of intersections: satisfied when every comparator of some alternative holds. */
export type VersionRange = readonly (readonly Comparator[])[];

export function compareVersions(a: Version, b: Version): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

export function formatVersion(v: Version): string {
  return `${v.major}.${v.minor}.${v.patch}`;
}

/** A full version `x.y.z`, ignoring any `+build` or `-pre` suffix (solc reports `0.8.30+commit.73712a01`). */
export function parseVersion(text: string): Version {
  const match = /^v?(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(text.trim());
  if (match === null) throw compileFailure("VERSION", "VersionError", `'${text}' is not a version x.y.z`);
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
}

/** A possibly partial version: missing or wildcard (`x`, `*`) parts are undefined. */
interface Partial {
  readonly major: number | undefined;
  readonly minor: number | undefined;
  readonly patch: number | undefined;
}

function parsePartial(text: string, range: string): Partial {
  const parts = text.split(".");
  if (parts.length > 3 || parts.some((p) => !/^(\d+|x|X|\*)$/.test(p))) {
    throw compileFailure("VERSION", "VersionError", `'${text}' in version range '${range}' is not a version`);
  }
  const number = (p: string | undefined) => (p === undefined || /^[xX*]$/.test(p) ? undefined : Number(p));
  const [major, minor, patch] = [number(parts[0]), number(parts[1]), number(parts[2])];
  if ((major === undefined && minor !== undefined) || (minor === undefined && patch !== undefined)) {
    throw compileFailure("VERSION", "VersionError", `'${text}' in version range '${range}' has a wildcard before a number`);
  }
  return { major, minor, patch };
}

const v = (major: number, minor: number, patch: number): Version => ({ major, minor, patch });
const lowest = (p: Partial): Version => v(p.major ?? 0, p.minor ?? 0, p.patch ?? 0);

/** The first version above everything `p` covers when its missing parts are wildcards. */
function aboveWildcard(p: Partial): Version | undefined {
  if (p.major === undefined) return undefined;
  if (p.minor === undefined) return v(p.major + 1, 0, 0);
  if (p.patch === undefined) return v(p.major, p.minor + 1, 0);
  return undefined;
}

/** npm's caret: allows changes that do not modify the left-most non-zero part. */
function caret(p: Partial): Comparator[] {
  const from = lowest(p);
  let upper: Version;
  if (p.major === undefined) return [];
  if (p.major > 0 || p.minor === undefined) upper = v(p.major + 1, 0, 0);
  else if (p.minor > 0 || p.patch === undefined) upper = v(0, p.minor + 1, 0);
  else upper = v(0, 0, p.patch + 1);
  return [
    { op: ">=", version: from },
    { op: "<", version: upper },
  ];
}

/** npm's tilde: allows patch-level changes when a minor version is given, minor-level otherwise. */
function tilde(p: Partial): Comparator[] {
  if (p.major === undefined) return [];
  const upper = p.minor === undefined ? v(p.major + 1, 0, 0) : v(p.major, p.minor + 1, 0);
  return [
    { op: ">=", version: lowest(p) },
    { op: "<", version: upper },
  ];
}

function comparatorsOf(op: string, p: Partial): Comparator[] {
  const above = aboveWildcard(p);
  switch (op) {
    case "^":
      return caret(p);
    case "~":
      return tilde(p);
    case ">=":
      return [{ op: ">=", version: lowest(p) }];
    case "<":
      return [{ op: "<", version: lowest(p) }];
    case ">":
      return above === undefined ? [{ op: ">", version: lowest(p) }] : [{ op: ">=", version: above }];
    case "<=":
      return above === undefined ? [{ op: "<=", version: lowest(p) }] : [{ op: "<", version: above }];
    default:
      if (p.major === undefined) return [];
      return above === undefined
        ? [{ op: "=", version: lowest(p) }]
        : [
            { op: ">=", version: lowest(p) },
            { op: "<", version: above },
          ];
  }
}

function parseIntersection(text: string, range: string): Comparator[] {
  const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(text.trim());
  if (hyphen !== null) {
    const [from, to] = [parsePartial(hyphen[1] as string, range), parsePartial(hyphen[2] as string, range)];
    return [...comparatorsOf(">=", from), ...comparatorsOf("<=", to)];
  }
  const comparators: Comparator[] = [];
  const token = /\s*(\^|~|>=|<=|>|<|=)?\s*([^\s^~<>=|]+)/y;
  const body = text.trim();
  let at = 0;
  while (at < body.length) {
    token.lastIndex = at;
    const match = token.exec(body);
    if (match === null) throw compileFailure("VERSION", "VersionError", `cannot parse version range '${range}'`);
    comparators.push(...comparatorsOf(match[1] ?? "", parsePartial(match[2] as string, range)));
    at = token.lastIndex;
  }
  return comparators;
}

export function parseRange(text: string): VersionRange {
  if (text.trim() === "") throw compileFailure("VERSION", "VersionError", "empty version range");
  return text.split("||").map((alternative) => {
    if (alternative.trim() === "") {
      throw compileFailure("VERSION", "VersionError", `empty alternative in version range '${text}'`);
    }
    return parseIntersection(alternative, text);
  });
}

function holds(c: Comparator, version: Version): boolean {
  const order = compareVersions(version, c.version);
  switch (c.op) {
    case "<":
      return order < 0;
    case "<=":
      return order <= 0;
    case ">":
      return order > 0;
    case ">=":
      return order >= 0;
    case "=":
      return order === 0;
  }
}

export function satisfies(version: Version, range: VersionRange): boolean {
  return range.some((alternative) => alternative.every((c) => holds(c, version)));
}

/** The version a range pins exactly (`0.8.19`, `=0.8.19`), or undefined for any other range. */
export function pinnedVersion(range: VersionRange): Version | undefined {
  const only = range.length === 1 ? range[0] : undefined;
  const comparator = only?.length === 1 ? only[0] : undefined;
  return comparator?.op === "=" ? comparator.version : undefined;
}
