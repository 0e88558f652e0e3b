/** Memory as a list of cells (see `terms.ts`): concrete offsets, symbolic contents. */
import type { Memory } from "../../spec/machine/memory.js";
import { cellsToWord, wordCells, type Cell, type Z3Bytes, type Z3Word } from "./terms.js";

export class SymbolicMemory implements Memory<Z3Word, Z3Bytes> {
  private cells: Cell[] = [];

  get size(): number {
    return this.cells.length;
  }

  expandTo(end: number): void {
    const size = Math.ceil(end / 32) * 32;
    while (this.cells.length < size) this.cells.push(0);
  }

  load(offset: number): Z3Word {
    return cellsToWord(this.cells.slice(offset, offset + 32));
  }

  store(offset: number, word: Z3Word): void {
    this.write(offset, wordCells(word));
  }

  store8(offset: number, word: Z3Word): void {
    this.cells[offset] = typeof word === "bigint" ? Number(word & 0xffn) : { word, index: 31 };
  }

  read(offset: number, size: number): Z3Bytes {
    return this.cells.slice(offset, offset + size);
  }

  write(offset: number, data: Z3Bytes): void {
    for (let i = 0; i < data.length; i++) this.cells[offset + i] = data[i]!;
  }
}
