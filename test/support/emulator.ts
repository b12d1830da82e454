/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-explicit-any -- test code, not node code */
// Starts the emulator as its own process (as the sandbox and CI do) and talks to its admin API.
import { type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { spawnTracked, stopTracked } from './processes';

export const KEYS = {
	production: { publicKey: 'pk_live_emulator', secretKey: 'sk_live_emulator' },
	test: { publicKey: 'pk_test_emulator', secretKey: 'sk_test_emulator' },
};

export interface LoggedRequest {
	/** When the emulator received it (epoch ms). */
	at: number;
	method: string;
	path: string;
	query: Record<string, string>;
	keyMode: string;
	status?: number;
	body?: Record<string, unknown>;
	fault?: string;
}

export class EmulatorProcess {
	url = '';
	private child?: ChildProcess;

	async start(args: string[] = []): Promise<this> {
		const server = join(__dirname, '..', '..', 'emulator', 'server.mjs');
		this.child = spawnTracked(process.execPath, [server, '--port', '0', ...args], {
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		const lines = createInterface({ input: this.child.stdout! });
		this.url = await new Promise<string>((resolve, reject) => {
			this.child!.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
			lines.once('line', (line) => resolve(JSON.parse(line).url));
		});
		return this;
	}

	async stop(): Promise<void> {
		await stopTracked(this.child, 5_000);
	}

	async admin<T = Record<string, unknown>>(
		method: string,
		path: string,
		body?: unknown,
	): Promise<T> {
		const response = await fetch(`${this.url}/__emulator${path}`, {
			method,
			headers: { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return (await response.json()) as T;
	}

	reset(seed?: unknown) {
		return this.admin('POST', '/reset', seed ?? {});
	}

	seed(document: unknown) {
		return this.admin('POST', '/seed', document);
	}

	faults(settings: Record<string, unknown>) {
		return this.admin('POST', '/faults', settings);
	}

	async requests(): Promise<LoggedRequest[]> {
		return (await this.admin<{ requests: LoggedRequest[] }>('GET', '/requests')).requests;
	}

	async clearRequests(): Promise<void> {
		await this.admin('DELETE', '/requests');
	}

	async state<T = Record<string, unknown>>(collection: string): Promise<T[]> {
		return (await this.admin<{ items: T[] }>('GET', `/state/${collection}`)).items;
	}

	async deliveries() {
		return (
			await this.admin<{ deliveries: Array<Record<string, unknown>> }>(
				'GET',
				'/deliveries?settle=true',
			)
		).deliveries;
	}

	/** Calls the emulated API itself with a key pair, as any client would. */
	async api(method: string, path: string, body?: unknown, keys = KEYS.production) {
		const response = await fetch(`${this.url}${path}`, {
			method,
			headers: {
				authorization: `Basic ${Buffer.from(`${keys.publicKey}:${keys.secretKey}`).toString('base64')}`,
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return {
			status: response.status,
			headers: response.headers,
			body: (await response.json()) as Record<string, any>,
		};
	}
}
