/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-explicit-any -- test code, not node code */
// A real n8n for end-to-end tests: installed once per version into a cache folder outside the repository,
// each test file gets its own user folder with the packed package where n8n loads community packages.
import { execFileSync, type ChildProcess } from 'node:child_process';
import {
	closeSync,
	cpSync,
	mkdirSync,
	mkdtempSync,
	openSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnTracked, stopTracked } from '../../support/processes';

export const REPO_ROOT = join(__dirname, '..', '..', '..');
const PINS = JSON.parse(readFileSync(join(REPO_ROOT, 'scripts', 'n8n-lines.json'), 'utf8')) as {
	lines: Record<string, string>;
	node24: string;
};
/** The n8n line: the jest project's `N8N_LINE` (jest.config.js), else `N8N_E2E_VERSION` (a line or a version). */
export const N8N_LINE = String(
	(globalThis as { N8N_LINE?: string }).N8N_LINE ?? process.env.N8N_E2E_VERSION ?? '1',
);
export const N8N_VERSION = PINS.lines[N8N_LINE] ?? N8N_LINE;
export const N8N_MAJOR = Number(N8N_VERSION.split('.')[0]);
const CACHE_ROOT = process.env.N8N_E2E_CACHE ?? join(homedir(), '.cache', 'n8n-nodes-partnerstack');
/** n8n 2.x runs on the cached Node 24 (scripts/n8n.mjs installs it). */
export const N8N_NODE =
	N8N_MAJOR >= 2
		? join(
				CACHE_ROOT,
				`node-${PINS.node24}`,
				'node_modules',
				`node-${process.platform}-${process.arch}`,
				'bin',
				'node',
			)
		: process.execPath;
/** The shared environment and the install/pack steps live in scripts/n8n.mjs (the sandbox uses them too). */
const BASE_ENV = JSON.parse(
	readFileSync(join(REPO_ROOT, 'scripts', 'n8n-env.json'), 'utf8'),
) as Record<string, string>;
const PACKED_PACKAGE = join(REPO_ROOT, 'test-results', 'e2e', 'package');

function n8nScript(...args: string[]) {
	execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'n8n.mjs'), ...args], {
		stdio: 'inherit',
	});
}

export const ensureN8nInstalled = (version = N8N_VERSION) => n8nScript('install', version);
export const packPackage = () => n8nScript('pack');

/** The packed package where n8n loads community packages: `<user folder>/.n8n/nodes/node_modules`. */
export function installPackage(userFolder: string) {
	const nodesDir = join(userFolder, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-partnerstack');
	mkdirSync(nodesDir, { recursive: true });
	cpSync(PACKED_PACKAGE, nodesDir, { recursive: true });
}

export interface ExecutionResult {
	status: string;
	runData: Record<
		string,
		Array<{
			data?: {
				main: Array<
					Array<{ json: Record<string, any>; binary?: Record<string, any>; pairedItem?: unknown }>
				>;
			};
			error?: Record<string, any>;
		}>
	>;
	error?: Record<string, any>;
	raw: Record<string, any>;
}

export class N8nInstance {
	readonly userFolder: string;
	private server?: ChildProcess;
	private cookie = '';
	port = 0;
	serverLog = '';

	/** A fresh user folder with the packed package, or (`existingUserFolder`) one that another process set up. */
	constructor(
		private readonly extraEnv: Record<string, string> = {},
		existingUserFolder?: string,
	) {
		this.userFolder = existingUserFolder ?? mkdtempSync(join(tmpdir(), 'ps-n8n-'));
		if (!existingUserFolder) installPackage(this.userFolder);
	}

	get bin() {
		return join(CACHE_ROOT, `n8n-${N8N_VERSION}`, 'node_modules', 'n8n', 'bin', 'n8n');
	}

	env(): NodeJS.ProcessEnv {
		// Jest sets NODE_ENV=test, which n8n reads as its own test mode, and a test file that loads n8n-core in-process
		// sets N8N_* settings (a silent log level hides `n8n execute --rawOutput`): give n8n a plain environment.
		const inherited = Object.fromEntries(
			Object.entries(process.env).filter(([name]) => !/^(JEST_|NODE_ENV$|N8N_(?!E2E_))/.test(name)),
		);
		return {
			...inherited,
			...BASE_ENV,
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: 'e2e-fixed-encryption-key',
			// n8n 2.x lets file nodes touch only ~/.n8n-files by default; the tests' files live in the temp folder.
			N8N_RESTRICT_FILE_ACCESS_TO: tmpdir(),
			// n8n 2.x always starts a task-runner broker (default port 5679): every process of ours gets its own.
			N8N_RUNNERS_BROKER_PORT: String(20_000 + Math.floor(Math.random() * 30_000)),
			...this.extraEnv,
		};
	}

	/** Runs an n8n command. Output goes to files: n8n exits right after writing, which can cut a pipe short. */
	cli(args: string[]): { code: number; stdout: string; stderr: string } {
		const base = join(this.userFolder, `cli-${Date.now()}-${Math.random().toString(36).slice(2)}`);
		const out = openSync(`${base}.out`, 'w');
		const err = openSync(`${base}.err`, 'w');
		let code = 0;
		try {
			execFileSync(N8N_NODE, [this.bin, ...args], { env: this.env(), stdio: ['ignore', out, err] });
		} catch (error) {
			code = (error as { status?: number }).status ?? 1;
		} finally {
			closeSync(out);
			closeSync(err);
		}
		return {
			code,
			stdout: readFileSync(`${base}.out`, 'utf8'),
			stderr: readFileSync(`${base}.err`, 'utf8'),
		};
	}

	private importJson(kind: 'credentials' | 'workflow', document: unknown) {
		const file = join(
			this.userFolder,
			`${kind}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`,
		);
		writeFileSync(file, JSON.stringify(document));
		const result = this.cli([`import:${kind}`, `--input=${file}`]);
		if (result.code !== 0)
			throw new Error(`import:${kind} failed: ${result.stderr}${result.stdout}`);
	}

	importCredentials(credentials: unknown[]) {
		this.importJson('credentials', credentials);
	}

	importWorkflow(workflow: unknown) {
		this.importJson('workflow', workflow);
	}

	/** `n8n execute --id … --rawOutput`: the IRun JSON, or the failure the CLI logged. */
	execute(workflowId: string): ExecutionResult & { code: number; output: string } {
		const result = this.cli(['execute', `--id=${workflowId}`, '--rawOutput']);
		const output = `${result.stdout}\n${result.stderr}`;
		const start = output.indexOf('{');
		let raw: Record<string, any> = {};
		if (start !== -1) {
			try {
				raw = JSON.parse(output.slice(start, output.lastIndexOf('}') + 1));
			} catch {
				raw = {};
			}
		}
		const resultData = raw.data?.resultData ?? {};
		return {
			code: result.code,
			output,
			status: raw.status,
			runData: resultData.runData ?? {},
			error: resultData.error,
			raw,
		};
	}

	async start(port: number, extraEnv: Record<string, string> = {}): Promise<void> {
		this.port = port;
		// A restarted instance keeps the earlier log (tests read it whole): only this start's lines count as ready.
		const logStart = this.serverLog.length;
		this.server = spawnTracked(N8N_NODE, [this.bin, 'start'], {
			env: {
				...this.env(),
				N8N_PORT: String(port),
				N8N_LISTEN_ADDRESS: '127.0.0.1',
				N8N_HOST: '127.0.0.1',
				WEBHOOK_URL: `http://127.0.0.1:${port}/`,
				N8N_LOG_LEVEL: 'info',
				...extraEnv,
			},
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		this.server.stdout!.on('data', (chunk) => (this.serverLog += chunk));
		this.server.stderr!.on('data', (chunk) => (this.serverLog += chunk));
		const deadline = Date.now() + 120_000;
		while (Date.now() < deadline) {
			if (this.server.exitCode !== null) throw new Error(`n8n exited early:\n${this.serverLog}`);
			try {
				// n8n answers /rest/settings before every route is mounted (a login right after a restart once got
				// "Cannot POST /rest/login"): it logs this line once the editor and the REST API are up.
				const listening = this.serverLog.slice(logStart).includes('Editor is now accessible');
				const response = await fetch(`http://127.0.0.1:${port}/rest/settings`);
				if (listening && response.ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		throw new Error(`n8n did not become healthy:\n${this.serverLog}`);
	}

	async stop(): Promise<void> {
		await stopTracked(this.server, 20_000);
	}

	/** A binary's bytes: inline base64 (n8n 1.x default), or the file n8n 2.x keeps in `.n8n/storage`. */
	binaryContent(binary: { data: string; id?: string }): Buffer {
		if (!binary.id) return Buffer.from(binary.data, 'base64');
		const [mode, path] = binary.id.split(':');
		if (!mode.startsWith('filesystem'))
			throw new Error(`binary data mode ${mode} is not readable here`);
		return readFileSync(join(this.userFolder, '.n8n', 'storage', path));
	}

	remove() {
		rmSync(this.userFolder, { recursive: true, force: true });
	}

	/** The REST API as the editor uses it: owner set up once, then a session cookie. */
	async rest<T = any>(
		method: string,
		path: string,
		body?: unknown,
	): Promise<{ status: number; body: T }> {
		const response = await fetch(`http://127.0.0.1:${this.port}/rest${path}`, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': 'e2e-browser',
				cookie: this.cookie,
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers.get('set-cookie');
		if (setCookie) this.cookie = setCookie.split(';')[0];
		const text = await response.text();
		let parsed: unknown = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			// keep text
		}
		return { status: response.status, body: parsed as T };
	}

	/** A file the editor loads with its session (e.g. `/types/nodes.json`: every node type, tool variants included). */
	async editorFile<T = any>(path: string): Promise<{ status: number; body: T }> {
		const response = await fetch(`http://127.0.0.1:${this.port}${path}`, {
			headers: { cookie: this.cookie, 'browser-id': 'e2e-browser' },
		});
		const text = await response.text();
		return { status: response.status, body: (response.ok ? JSON.parse(text) : text) as T };
	}

	async login(email = 'owner@example.com', password = 'E2e-password-1') {
		await this.rest('POST', '/owner/setup', {
			email,
			firstName: 'E2E',
			lastName: 'Owner',
			password,
		});
		const login = await this.rest('POST', '/login', { emailOrLdapLoginId: email, password });
		if (login.status !== 200) throw new Error(`login failed: ${JSON.stringify(login.body)}`);
	}
}

export function readJson(path: string) {
	return JSON.parse(readFileSync(path, 'utf8'));
}
