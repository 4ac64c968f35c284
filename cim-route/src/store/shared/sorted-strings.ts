/**
 * A set of strings kept in sorted order, for the memory store's name index and online list.
 * Lookups and range reads cost a binary search plus the size of the answer; an insert or delete
 * moves the tail of one array, which stays cheap into the hundreds of thousands of members.
 * Strings compare by UTF-16 code unit, which for the ASCII user names and decimal ids stored here
 * is the same order as Redis's byte-wise sorted sets.
 */
export class SortedStrings {
  private readonly items: string[] = [];

  add(value: string): boolean {
    const i = this.lowerBound(value);
    if (this.items[i] === value) return false;
    this.items.splice(i, 0, value);
    return true;
  }

  delete(value: string): boolean {
    const i = this.lowerBound(value);
    if (this.items[i] !== value) return false;
    this.items.splice(i, 1);
    return true;
  }

  /** Members at positions [start, end). */
  slice(start: number, end: number): string[] {
    return this.items.slice(start, end);
  }

  /** Up to `limit` members that start with `prefix`, in order. */
  withPrefix(prefix: string, limit: number): string[] {
    const found: string[] = [];
    for (let i = this.lowerBound(prefix); i < this.items.length && found.length < limit; i++) {
      const item = this.items[i];
      if (!item.startsWith(prefix)) break;
      found.push(item);
    }
    return found;
  }

  /** Position of the first member not less than `value`. */
  private lowerBound(value: string): number {
    let low = 0;
    let high = this.items.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.items[mid] < value) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
