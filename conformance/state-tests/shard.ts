/**
 * Sharding: splitting one run over N machines (CI jobs) so that together they run every case
 * exactly once. Shard I of N (1-based, as `--shard I/N` says it) takes the cases at positions
 * c (0-based, in the sorted, fork- and filter-selected enumeration) with c mod N = I - 1.
 * Round-robin rather than contiguous blocks, so the slow neighbours in a folder (e.g.
 * vmPerformance) spread over all shards instead of landing on one.
 */
export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

export class ShardSyntaxError extends Error {
  readonly code = "SHARD_SYNTAX";
}

/** Parses `I/N` with 1 <= I <= N. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (match === null) throw new ShardSyntaxError(`--shard expects I/N (e.g. 2/4), got '${text}'`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (!Number.isSafeInteger(count) || count < 1) throw new ShardSyntaxError(`--shard: N must be at least 1, got '${text}'`);
  if (index < 1 || index > count) throw new ShardSyntaxError(`--shard: I must be between 1 and ${count}, got '${text}'`);
  return { index, count };
}

export function inShard(position: number, shard: Shard): boolean {
  return position % shard.count === shard.index - 1;
}

/** The items of one shard, in order. */
export function shardOf<T>(items: readonly T[], shard: Shard | undefined): T[] {
  return shard === undefined ? [...items] : items.filter((_, position) => inShard(position, shard));
}
