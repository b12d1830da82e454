/**
 * An exact string → row map for millions of keys without a JS object per key: the key bytes live in one
 * growing Buffer (outside the JS heap), the table in typed arrays. A JS Map of a million fresh strings
 * costs seconds of garbage collection and about 150 MB; this costs a few MB and no collection.
 */
export class KeyRowTable {
	private slots = new Int32Array(1 << 16);
	private hashes = new Uint32Array(1 << 12);
	private starts = new Int32Array(1 << 12);
	private lengths = new Int32Array(1 << 12);
	private rows = new Int32Array(1 << 12);
	private arena = Buffer.alloc(1 << 16);
	private used = 0;
	private count = 0;

	/** The row that holds `key` already, or undefined after storing it for `row`. */
	claim(key: string, row: number): number | undefined {
		const hash = fnv1a(key);
		const maxBytes = key.length * 3;
		if (this.used + maxBytes > this.arena.length) this.growArena(this.used + maxBytes);
		const length = this.arena.write(key, this.used, 'utf8');
		const mask = this.slots.length - 1;
		for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
			const entry = this.slots[slot] - 1;
			if (entry === -1) {
				this.store(slot, hash, length, row);
				return undefined;
			}
			if (
				this.hashes[entry] === hash &&
				this.lengths[entry] === length &&
				this.arena.compare(
					this.arena,
					this.used,
					this.used + length,
					this.starts[entry],
					this.starts[entry] + length,
				) === 0
			) {
				return this.rows[entry];
			}
		}
	}

	private store(slot: number, hash: number, length: number, row: number) {
		if (this.count === this.hashes.length) this.growEntries();
		const entry = this.count++;
		this.hashes[entry] = hash;
		this.starts[entry] = this.used;
		this.lengths[entry] = length;
		this.rows[entry] = row;
		this.used += length;
		this.slots[slot] = entry + 1;
		if (this.count * 2 > this.slots.length) this.rehash();
	}

	private growArena(needed: number) {
		const next = Buffer.alloc(Math.max(needed, this.arena.length * 2));
		this.arena.copy(next, 0, 0, this.used);
		this.arena = next;
	}

	private growEntries() {
		const grow = <T extends Int32Array | Uint32Array>(array: T): T => {
			const next = new (array.constructor as new (length: number) => T)(array.length * 2);
			next.set(array);
			return next;
		};
		this.hashes = grow(this.hashes);
		this.starts = grow(this.starts);
		this.lengths = grow(this.lengths);
		this.rows = grow(this.rows);
	}

	private rehash() {
		this.slots = new Int32Array(this.slots.length * 2);
		const mask = this.slots.length - 1;
		for (let entry = 0; entry < this.count; entry++) {
			let slot = this.hashes[entry] & mask;
			while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
			this.slots[slot] = entry + 1;
		}
	}
}

function fnv1a(text: string): number {
	let hash = 0x811c9dc5;
	for (let index = 0; index < text.length; index++) {
		hash ^= text.charCodeAt(index);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}
