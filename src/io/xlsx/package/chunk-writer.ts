/** A worksheet part written as UTF-8 pieces (sheet-xml.ts). */

/**
 * Row text is turned into bytes once this many characters are pending: the strings then die
 * young, instead of surviving into the old generation as garbage (2048 rows at a time made
 * followup --all on L hold ~250 MB more heap while writing).
 */
const PENDING_CHARS = 16 * 1024;
/** Size of the byte pieces a sheet is written in (what the deflater is fed). */
const CHUNK_BYTES = 1024 * 1024;

/** UTF-8 pieces of about CHUNK_BYTES, filled from short runs of text as they are written. */
export class ChunkWriter {
  readonly chunks: Uint8Array[] = [];
  private readonly encoder = new TextEncoder();
  private parts: string[] = [];
  private pending = 0;
  private buffer = new Uint8Array(CHUNK_BYTES);
  private at = 0;

  write(text: string): void {
    this.parts.push(text);
    this.pending += text.length;
    if (this.pending >= PENDING_CHARS) this.flushText();
  }

  /** The pieces written, the last one cut to its length. */
  finish(): Uint8Array[] {
    this.flushText();
    // A small last piece is copied out, so a short sheet does not keep a whole buffer alive.
    if (this.at > 0) this.chunks.push(this.at < this.buffer.length / 2 ? this.buffer.slice(0, this.at) : this.buffer.subarray(0, this.at));
    this.buffer = new Uint8Array(0);
    this.at = 0;
    return this.chunks;
  }

  private flushText(): void {
    if (this.parts.length === 0) return;
    const text = this.parts.join('');
    this.parts = [];
    this.pending = 0;
    // A UTF-16 unit is at most 3 bytes in UTF-8.
    if (text.length * 3 > this.buffer.length - this.at) {
      if (this.at > 0) this.chunks.push(this.buffer.subarray(0, this.at));
      this.buffer = new Uint8Array(Math.max(CHUNK_BYTES, text.length * 3));
      this.at = 0;
    }
    this.at += this.encoder.encodeInto(text, this.buffer.subarray(this.at)).written;
  }
}
