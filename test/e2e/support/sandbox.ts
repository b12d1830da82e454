/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code, not node code */
// `npm run sandbox` as a newcomer runs it, on free ports and in temporary folders, for the tests that use it.
import { type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { EmulatorProcess } from '../../support/emulator';
import { spawnTracked, stopTracked } from '../../support/processes';
import { waitFor } from '../../support/wait';
import { N8N_LINE, N8nInstance, REPO_ROOT } from './n8n';
import { freePort } from './ports';

export const SANDBOX_LOGIN = { email: 'admin@sandbox.local', password: 'Sandbox-2026' };

export class Sandbox {
	readonly userFolder = mkdtempSync(join(tmpdir(), 'ps-sandbox-'));
	readonly filesFolder = mkdtempSync(join(tmpdir(), 'ps-sandbox-files-'));
	readonly emulator = new EmulatorProcess();
	n8n!: N8nInstance;
	log = '';
	private process?: ChildProcess;

	get pid() {
		return this.process?.pid;
	}

	/** Resolves when the sandbox process has ended (a test that sent it a signal waits here). */
	exited(): Promise<void> {
		if (!this.process || this.process.exitCode !== null || this.process.signalCode !== null)
			return Promise.resolve();
		return new Promise((resolve) => this.process!.once('exit', () => resolve()));
	}

	get url() {
		return `http://127.0.0.1:${this.n8n.port}`;
	}

	async start(): Promise<this> {
		const n8nPort = await freePort();
		const emulatorPort = await freePort();
		this.process = spawnTracked(process.execPath, [join(REPO_ROOT, 'scripts', 'sandbox.mjs')], {
			env: {
				...Object.fromEntries(
					Object.entries(process.env).filter(
						([name]) => !/^(JEST_|NODE_ENV$|N8N_(?!E2E_))/.test(name),
					),
				),
				SANDBOX_N8N_PORT: String(n8nPort),
				PARTNERSTACK_EMULATOR_PORT: String(emulatorPort),
				SANDBOX_USER_FOLDER: this.userFolder,
				SANDBOX_FILES_FOLDER: this.filesFolder,
				SANDBOX_N8N: N8N_LINE,
				// The e2e setup has just built and packed the package; rebuilding dist under the other suites would race them.
				SANDBOX_SKIP_BUILD: '1',
			},
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		this.process.stdout!.on('data', (chunk) => (this.log += chunk));
		this.process.stderr!.on('data', (chunk) => (this.log += chunk));
		await this.waitFor(
			async () => {
				if (this.process!.exitCode !== null)
					throw new Error(`the sandbox exited (${this.process!.exitCode}):\n${this.log}`);
				return this.log.includes('Ctrl-C stops') ? true : undefined;
			},
			'the sandbox to be ready',
			240_000,
		);
		this.emulator.url = `http://127.0.0.1:${emulatorPort}`;
		// The same n8n data, for `n8n execute` beside the running instance and for its REST API.
		this.n8n = new N8nInstance(
			{
				N8N_ENCRYPTION_KEY: 'partnerstack-sandbox-key',
				N8N_RESTRICT_FILE_ACCESS_TO: this.filesFolder,
			},
			this.userFolder,
		);
		this.n8n.port = n8nPort;
		await this.n8n.rest('POST', '/login', {
			emailOrLdapLoginId: SANDBOX_LOGIN.email,
			password: SANDBOX_LOGIN.password,
		});
		return this;
	}

	waitFor<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 60_000): Promise<T> {
		return waitFor(probe, what, { timeoutMs, diagnostics: () => this.log.slice(-3000) });
	}

	/** Ctrl-C, as a user stops it; then the temporary folders go. */
	async stop(): Promise<void> {
		await stopTracked(this.process, 30_000, 'SIGINT');
		rmSync(this.userFolder, { recursive: true, force: true });
		rmSync(this.filesFolder, { recursive: true, force: true });
	}
}
