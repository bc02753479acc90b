// Line and column lookup for offsets into a decoded XML text.

/**
 * Offsets of line starts, built once per document. CRLF, a lone CR and LF each end one line,
 * as XML's newline normalisation treats them. Lines and columns are 1-based, and columns
 * count UTF-16 code units, as editors such as Monaco do.
 */
export class LineIndex {
  private readonly starts: number[] = [0];
  /** Index into `starts` of the last lookup: the reader asks for rising offsets, so most lookups move it a little. */
  private cursor = 0;

  constructor(text: string) {
    const starts = this.starts;

    // Files without CR need only indexOf, which is much faster than a loop per character.
    if (text.indexOf('\r') < 0) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      return;
    }

    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x0a) {
        starts.push(i + 1);
      } else if (code === 0x0d) {
        if (text.charCodeAt(i + 1) === 0x0a) i++;
        starts.push(i + 1);
      }
    }
  }

  /** Returns the 1-based line and column of `offset`. */
  locate(offset: number): { line: number; column: number } {
    const starts = this.starts;
    let index = this.cursor;

    if (offset >= starts[index]) {
      // Walk forward a few lines, then fall back to a binary search for long jumps.
      let steps = 0;
      while (index + 1 < starts.length && starts[index + 1] <= offset && steps < 16) {
        index++;
        steps++;
      }
      if (index + 1 < starts.length && starts[index + 1] <= offset) index = this.search(offset, index, starts.length - 1);
    } else {
      index = this.search(offset, 0, index);
    }

    this.cursor = index;
    return { line: index + 1, column: offset - starts[index] + 1 };
  }

  /** Returns the index of the last line start <= offset, searching starts[low..high]. */
  private search(offset: number, low: number, high: number): number {
    const starts = this.starts;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}
