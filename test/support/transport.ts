/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code, not node code */
// What the transport tests share: n8n-core's execute context on the emulator, and two small helpers.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { NodeApiError } from 'n8n-workflow';

import { RETRY_POLICY } from '../../nodes/PartnerStack/transport/retry';
import { KEYS, type EmulatorProcess } from './emulator';
import { credentialsFor, executeContextOnEngine, type EngineContext } from './engine';

// The transport is typed for n8n's context interfaces; n8n-core's ExecuteContext is their implementation.
export const asN8n = (ctx: EngineContext) => ctx as never;

/** A fresh execute context (its own pacer, logs and request record) on the emulator, with the production keys. */
export const contextOn = (emulator: EmulatorProcess) =>
	executeContextOnEngine({ credentials: credentialsFor(emulator.url, KEYS.production) });

/** A loopback port nobody listens on: opened, read, closed. */
export async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	return port;
}

export async function caught(promise: Promise<unknown>): Promise<NodeApiError> {
	try {
		await promise;
	} catch (error) {
		return error as NodeApiError;
	}
	throw new Error('expected a rejection');
}

/** The emulator answers `status` to every attempt the transport makes for the next request: it outlasts the retries. */
export const failEveryAttempt = (emulator: EmulatorProcess, status: number) =>
	emulator.faults({
		script: Array.from({ length: RETRY_POLICY.maxAttempts }, () => ({ status, retryAfter: 0 })),
	});
