/**
 * A rule is the meaning of one opcode. Every rule has the same four parts, in this order:
 *   1. stack: pop the operands (arity was checked by `step`);
 *   2. gas: charge the dynamic cost (the static price was charged by `step`);
 *   3. operation: change the machine, the memory or the world;
 *   4. program counter: advance it, or jump.
 * A rule returns nothing to go on, or a `Control` to stop the frame or start a sub-call.
 */
import type { Control, Frame } from "./frame.js";

export type Rule = <W, B>(frame: Frame<W, B>) => Control<B> | void;
