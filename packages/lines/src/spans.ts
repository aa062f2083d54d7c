/** Where each message of a repeated field is: [start[i], end[i]) of the profile's bytes. */
export class Spans {
  start: Int32Array = new Int32Array(1024);
  end: Int32Array = new Int32Array(1024);
  count = 0;

  add(start: number, end: number): void {
    if (this.count === this.start.length) {
      const start = new Int32Array(this.count * 2);
      const end = new Int32Array(this.count * 2);
      start.set(this.start);
      end.set(this.end);
      this.start = start;
      this.end = end;
    }
    this.start[this.count] = start;
    this.end[this.count++] = end;
  }
}
