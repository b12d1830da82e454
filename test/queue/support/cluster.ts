/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code, not node code */
// n8n in queue mode on 127.0.0.1, from the real parts: Debian's redis-server and PostgreSQL (a cluster made in a
// temporary folder), one main instance, two workers and one webhook processor (on the jest project's n8n line,
// 2.x on its own Node 24 with task runners), all with this package installed
// in one shared n8n user folder. Every process is stopped by the PID this harness started; the folder goes.
import { execFileSync, type ChildProcess } from 'node:child_process';
import {
	chmodSync,
	chownSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { installPackage, N8N_MAJOR, N8N_NODE, N8nInstance } from '../../e2e/support/n8n';
import { spawnTracked, stopTracked } from '../../support/processes';
import { waitFor } from '../../support/wait';
import { freePort } from '../../e2e/support/ports';

const POSTGRES_ROOT = '/usr/lib/postgresql';

function run(command: string, args: string[]) {
	return execFileSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
}

/** Debian's redis-server and postgresql, installed once (needs root, as CI has). */
export function ensureServersInstalled() {
	const hasPostgres =
		existsSync(POSTGRES_ROOT) &&
		readdirSync(POSTGRES_ROOT).some((version) =>
			existsSync(join(POSTGRES_ROOT, version, 'bin', 'initdb')),
		);
	if (existsSync('/usr/bin/redis-server') && hasPostgres) return;
	const apt = (...args: string[]) =>
		execFileSync('apt-get', args, {
			stdio: 'inherit',
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		});
	try {
		apt('install', '-y', '--no-install-recommends', 'redis-server', 'postgresql');
	} catch {
		apt('update');
		apt('install', '-y', '--no-install-recommends', 'redis-server', 'postgresql');
	}
}

function postgresBin(tool: string) {
	const version = readdirSync(POSTGRES_ROOT)
		.sort()
		.reverse()
		.find((candidate) => existsSync(join(POSTGRES_ROOT, candidate, 'bin', tool)));
	return join(POSTGRES_ROOT, version!, 'bin', tool);
}

export interface NamedProcess {
	name: string;
	child: ChildProcess;
	log: string;
}

export class QueueCluster {
	readonly folder = mkdtempSync(join(tmpdir(), 'ps-queue-'));
	readonly processes: NamedProcess[] = [];
	ports = { postgres: 0, redis: 0, main: 0, webhook: 0 };
	/** The CLI and REST helpers of the e2e suite, pointed at the main instance and the shared user folder. */
	n8n!: N8nInstance;
	private postgresData = '';

	async start() {
		ensureServersInstalled();
		this.ports = {
			postgres: await freePort(),
			redis: await freePort(),
			main: await freePort(),
			webhook: await freePort(),
		};
		await this.startPostgres();
		this.startRedis();
		const userFolder = join(this.folder, 'n8n');
		// The packed package in <user folder>/.n8n/nodes, as for a single instance; every process shares it.
		installPackage(userFolder);
		this.n8n = new N8nInstance(this.queueEnv(), userFolder);
		this.n8n.port = this.ports.main;
	}

	/** What every n8n process of the cluster needs (README "Running in queue mode"). */
	queueEnv(): Record<string, string> {
		return {
			N8N_ENCRYPTION_KEY: 'queue-mode-e2e-key',
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(this.ports.redis),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(this.ports.postgres),
			DB_POSTGRESDB_DATABASE: 'n8n',
			DB_POSTGRESDB_USER: 'n8n',
			DB_POSTGRESDB_PASSWORD: 'n8n',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			// Webhooks are registered with, and delivered to, the webhook processor; the main instance serves none.
			WEBHOOK_URL: `http://127.0.0.1:${this.ports.webhook}/`,
			N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
			N8N_LOG_LEVEL: 'info',
		};
	}

	private async startPostgres() {
		// mkdtemp makes the folder private to root; Debian's postgres user must be able to reach its data inside.
		chmodSync(this.folder, 0o755);
		this.postgresData = join(this.folder, 'postgres');
		const socketDir = join(this.folder, 'postgres-socket');
		mkdirSync(this.postgresData);
		mkdirSync(socketDir);
		const postgresUser = Number(run('id', ['-u', 'postgres']).trim());
		const postgresGroup = Number(run('id', ['-g', 'postgres']).trim());
		for (const dir of [this.postgresData, socketDir]) chownSync(dir, postgresUser, postgresGroup);
		// initdb refuses root: the cluster belongs to Debian's postgres user, in our temporary folder.
		const asPostgres = (tool: string, args: string[]) =>
			run('runuser', ['-u', 'postgres', '--', postgresBin(tool), ...args]);
		asPostgres('initdb', ['-D', this.postgresData, '-U', 'n8n', '--auth=trust', '-E', 'UTF8']);
		const server = spawnTracked(
			'runuser',
			[
				'-u',
				'postgres',
				'--',
				postgresBin('postgres'),
				'-D',
				this.postgresData,
				'-p',
				String(this.ports.postgres),
				'-k',
				socketDir,
				'-c',
				'listen_addresses=127.0.0.1',
			],
			{
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		this.track('postgres', server);
		await this.waitFor(() => {
			try {
				run('psql', [
					'-h',
					'127.0.0.1',
					'-p',
					String(this.ports.postgres),
					'-U',
					'n8n',
					'-d',
					'postgres',
					'-c',
					'create database n8n',
				]);
				return true;
			} catch {
				return undefined;
			}
		}, 'PostgreSQL');
	}

	private startRedis() {
		const redis = spawnTracked(
			'redis-server',
			[
				'--port',
				String(this.ports.redis),
				'--bind',
				'127.0.0.1',
				'--dir',
				this.folder,
				'--save',
				'',
				'--appendonly',
				'no',
				'--set-proc-title',
				'no',
			],
			{
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		this.track('redis', redis);
	}

	private track(name: string, child: ChildProcess): NamedProcess {
		const entry: NamedProcess = { name, child, log: '' };
		child.stdout?.on('data', (chunk) => (entry.log += chunk));
		child.stderr?.on('data', (chunk) => (entry.log += chunk));
		this.processes.push(entry);
		return entry;
	}

	/** `n8n start`, `n8n worker` or `n8n webhook`, with the package loaded from the shared user folder. */
	async startN8n(
		name: string,
		command: 'start' | 'worker' | 'webhook',
		extra: Record<string, string> = {},
	) {
		const args = command === 'worker' ? ['worker', '--concurrency=1'] : [command];
		// n8n 2.x runs Code nodes in task runners: every process starts its own broker, each needs a free port.
		const runners: Record<string, string> =
			N8N_MAJOR >= 2
				? {
						N8N_RUNNERS_ENABLED: 'true',
						N8N_RUNNERS_MODE: 'internal',
						N8N_RUNNERS_BROKER_PORT: String(await freePort()),
					}
				: {};
		const env = { ...this.n8n.env(), ...runners, ...extra };
		const child = spawnTracked(N8N_NODE, [this.n8n.bin, ...args], {
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const entry = this.track(name, child);
		const ready =
			command === 'worker'
				? () => (entry.log.includes('n8n worker is now ready') ? true : undefined)
				: async () => {
						// Each process logs this once it listens: another server on the port must not pass for it.
						if (
							!entry.log.includes(
								command === 'start'
									? 'Editor is now accessible'
									: 'Webhook listener waiting for requests',
							)
						)
							return undefined;
						try {
							const path = command === 'start' ? '/rest/settings' : '/healthz';
							return (await fetch(`http://127.0.0.1:${env.N8N_PORT}${path}`)).ok ? true : undefined;
						} catch {
							return undefined;
						}
					};
		await this.waitFor(
			async () => {
				if (child.exitCode !== null)
					throw new Error(`${name} exited (${child.exitCode}):\n${entry.log.slice(-3000)}`);
				return ready();
			},
			name,
			120_000,
		);
		return entry;
	}

	startMain() {
		return this.startN8n('main', 'start', { N8N_PORT: String(this.ports.main) });
	}

	startWorker(name: string) {
		// Each worker's health server needs its own port, even unused.
		return freePort().then((port) =>
			this.startN8n(name, 'worker', {
				QUEUE_HEALTH_CHECK_PORT: String(port),
				N8N_PORT: String(port),
			}),
		);
	}

	startWebhookProcessor() {
		return this.startN8n('webhook', 'webhook', { N8N_PORT: String(this.ports.webhook) });
	}

	logOf(name: string) {
		return this.processes
			.filter((entry) => entry.name === name)
			.map((entry) => entry.log)
			.join('\n');
	}

	/** Stops one process by the PID we started, and waits for it. */
	async stopProcess(name: string) {
		for (const entry of this.processes.filter(
			(candidate) =>
				candidate.name === name &&
				candidate.child.exitCode === null &&
				candidate.child.signalCode === null,
		)) {
			await stopTracked(entry.child, 20_000);
		}
	}

	async stop() {
		// n8n first, then the servers it uses; then the folder, Redis's and PostgreSQL's data with it.
		for (const name of ['webhook', 'worker-1', 'worker-2', 'main', 'redis', 'postgres'])
			await this.stopProcess(name);
		rmSync(this.folder, { recursive: true, force: true });
	}

	waitFor<T>(
		probe: () => T | undefined | Promise<T | undefined>,
		what: string,
		timeoutMs = 60_000,
	): Promise<T> {
		const diagnostics = () =>
			this.processes.map((entry) => `--- ${entry.name}\n${entry.log.slice(-1500)}`).join('\n');
		return waitFor(probe, what, { timeoutMs, diagnostics });
	}

	/** A query against the cluster's PostgreSQL: what n8n stored, read back without n8n. */
	sql(query: string): string[][] {
		const out = run('psql', [
			'-h',
			'127.0.0.1',
			'-p',
			String(this.ports.postgres),
			'-U',
			'n8n',
			'-d',
			'n8n',
			'-At',
			'-F',
			'\t',
			'-c',
			query,
		]);
		return out.trim()
			? out
					.trim()
					.split('\n')
					.map((line) => line.split('\t'))
			: [];
	}
}
