/** Merkle-Patricia roots: of raw and hashed keys, of account storage, and of the world state. */
export { EMPTY_TRIE_ROOT, secureTrieRoot, trieRoot } from "./trie-root.js";
export { type AccountForRoot, EMPTY_CODE_HASH, stateRoot, storageRoot } from "./state-root.js";
