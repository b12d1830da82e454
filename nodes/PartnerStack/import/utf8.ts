/**
 * Streaming UTF-8 validation over raw bytes: ASCII runs cost one comparison per byte, and nothing is
 * decoded into strings (csv-parse decodes the cells itself). A sequence cut by a chunk boundary is carried.
 */
export class Utf8Validator {
	private carry: number[] = [];

	/** False as soon as the bytes cannot be UTF-8. With `end`, an unfinished sequence is invalid too. */
	write(chunk: Uint8Array, end = false): boolean {
		let bytes = chunk;
		if (this.carry.length) {
			bytes = new Uint8Array(this.carry.length + chunk.length);
			bytes.set(this.carry);
			bytes.set(chunk, this.carry.length);
			this.carry = [];
		}
		const length = bytes.length;
		let index = 0;
		while (index < length) {
			const first = bytes[index];
			if (first < 0x80) {
				index++;
				continue;
			}
			let needed: number;
			let min: number;
			if (first >= 0xc2 && first <= 0xdf) [needed, min] = [1, 0x80];
			else if (first >= 0xe0 && first <= 0xef) [needed, min] = [2, 0x800];
			else if (first >= 0xf0 && first <= 0xf4) [needed, min] = [3, 0x10000];
			else return false;
			if (index + needed >= length) {
				if (end) return false;
				this.carry = Array.from(bytes.subarray(index));
				return true;
			}
			let codePoint = first & (0x3f >> needed);
			for (let k = 1; k <= needed; k++) {
				const next = bytes[index + k];
				if ((next & 0xc0) !== 0x80) return false;
				codePoint = (codePoint << 6) | (next & 0x3f);
			}
			if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff))
				return false;
			index += needed + 1;
		}
		return true;
	}
}
