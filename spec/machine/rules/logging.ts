/** LOG0-LOG4 (Yellow Paper, Appendix H.2). */
import { charge, useMemory } from "../gas.js";
import type { Frame } from "../frame.js";
import { forbidInStaticContext } from "../static-context.js";

export function log(topicCount: number) {
  return function LOG<W, B>(f: Frame<W, B>): void {
    const s = f.host.schedule;
    // stack
    const offset = f.words.need(f.pop(), "LOG offset");
    const size = f.words.need(f.pop(), "LOG size");
    const topics: W[] = [];
    for (let i = 0; i < topicCount; i++) topics.push(f.pop());
    // gas
    const [start, length] = useMemory(f, offset, size);
    charge(f, s.gasLogData * size + s.gasLogTopic * BigInt(topicCount));
    forbidInStaticContext(f);
    // operation
    f.host.log(f.message.address, topics, f.memory.read(start, length));
    // program counter
    f.pc += 1;
  };
}
