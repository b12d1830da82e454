#!/usr/bin/env node
// `npm run sandbox`: everything a newcomer needs to see the package working, on a fresh machine.
// Installs the dev dependencies and the pinned n8n (cached), builds and packs the package, starts the
// PartnerStack emulator with a demo program, and starts n8n on 127.0.0.1 with the package loaded, two
// credentials pointing at the emulator and the example workflows imported. Ctrl-C stops everything.
//   --check   start everything, verify the credential against the emulator, then stop
// Environment: SANDBOX_N8N_PORT (5678), PARTNERSTACK_EMULATOR_PORT (18080), SANDBOX_USER_FOLDER (.cache/sandbox),
// SANDBOX_FILES_FOLDER (/tmp/partnerstack-sandbox: the examples' inbox and export folders), SANDBOX_N8N (1 or 2: the
// n8n line; 2 runs on Node 24), SANDBOX_SKIP_BUILD=1 (use the package already packed in test-results/e2e).
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const root = join(import.meta.dirname, '..');
const check = process.argv.includes('--check');
const emulatorPort = Number(process.env.PARTNERSTACK_EMULATOR_PORT ?? 18080);
const n8nPort = Number(process.env.SANDBOX_N8N_PORT ?? 5678);
const userFolder = process.env.SANDBOX_USER_FOLDER ?? join(root, '.cache', 'sandbox');
// The examples name this folder; the sandbox fills its inbox and points the examples at SANDBOX_FILES_FOLDER.
const EXAMPLES_FOLDER = '/tmp/partnerstack-sandbox';
const filesFolder = process.env.SANDBOX_FILES_FOLDER ?? EXAMPLES_FOLDER;
/** The examples whose trigger registers a webhook: activated, so they run as soon as a partnership is created or someone applies. */
const ACTIVE_EXAMPLES = ['psExampleOnboard', 'psExampleApprove'];
const owner = {
	email: 'admin@sandbox.local',
	password: 'Sandbox-2026',
	firstName: 'Sandbox',
	lastName: 'Admin',
};
const children = [];

function say(line) {
	console.log(`[sandbox] ${line}`);
}

if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) {
	say('installing the dev dependencies (npm ci)');
	execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
}
const {
	BASE_ENV,
	ensureN8nInstalled,
	installPackageInto,
	n8nBin,
	n8nNode,
	packPackage,
	resolveN8nVersion,
} = await import('./n8n.mjs');
const { CHOICES } = await import('../emulator/choices.mjs');

const n8nVersion = resolveN8nVersion(process.env.SANDBOX_N8N ?? '1');
const n8nMajor = Number(n8nVersion.split('.')[0]);
// Every process the sandbox starts runs in a process group of its own and is stopped by its PID, with its group (n8n's
// task runners), on Ctrl-C, on SIGTERM/SIGHUP, on any failure, and at exit, so nothing keeps a port busy afterwards.
const isRunning = (child) => child.exitCode === null && child.signalCode === null;
function signalGroup(child, signal) {
	try {
		process.kill(-child.pid, signal);
	} catch {
		// already gone
	}
}
let stopping = false;
async function stopAll(code = 0) {
	if (stopping) return;
	stopping = true;
	const running = children.filter(isRunning);
	for (const child of running) signalGroup(child, 'SIGTERM');
	const deadline = Date.now() + 15_000;
	while (running.some(isRunning) && Date.now() < deadline)
		await new Promise((resolve) => setTimeout(resolve, 100));
	for (const child of children) signalGroup(child, 'SIGKILL');
	process.exit(code);
}
process.on('exit', () => {
	for (const child of children) if (child.pid) signalGroup(child, 'SIGKILL');
});
process.on('SIGINT', () => {
	say('stopping');
	stopAll(0);
});
process.on('SIGTERM', () => stopAll(0));
process.on('SIGHUP', () => stopAll(0));
function failed(error) {
	console.error(`[sandbox] failed: ${error?.message ?? error}`);
	stopAll(1);
}
process.on('uncaughtException', failed);
process.on('unhandledRejection', failed);

/** A busy port stops the sandbox before it starts anything, naming the port and the setting that moves it. */
async function assertPortFree(port, setting, what) {
	const free = await new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
	if (!free) {
		throw new Error(
			`port ${port} (${what}) is in use, perhaps by another sandbox; stop it, or set ${setting} to another port`,
		);
	}
}
await assertPortFree(emulatorPort, 'PARTNERSTACK_EMULATOR_PORT', 'the emulator');
await assertPortFree(n8nPort, 'SANDBOX_N8N_PORT', 'n8n');
if (n8nMajor >= 2)
	await assertPortFree(n8nPort + 1, 'SANDBOX_N8N_PORT', "n8n's task-runner broker, n8n's port + 1");

try {
	ensureN8nInstalled(n8nVersion);
} catch (error) {
	// The installer's message says what failed and what to do.
	console.error(error.message);
	process.exit(1);
}
if (process.env.SANDBOX_SKIP_BUILD === '1') {
	say('using the package already packed in test-results/e2e');
} else {
	say('building and packing n8n-nodes-partnerstack');
	packPackage();
}
mkdirSync(userFolder, { recursive: true });
installPackageInto(userFolder);

const env = {
	...process.env,
	...BASE_ENV,
	N8N_USER_FOLDER: userFolder,
	N8N_ENCRYPTION_KEY: 'partnerstack-sandbox-key',
	N8N_PORT: String(n8nPort),
	N8N_LISTEN_ADDRESS: '127.0.0.1',
	N8N_HOST: '127.0.0.1',
	WEBHOOK_URL: `http://127.0.0.1:${n8nPort}/`,
	// n8n 2.x lets file nodes touch only ~/.n8n-files unless told otherwise; the examples use the files folder.
	N8N_RESTRICT_FILE_ACCESS_TO: filesFolder,
	// n8n 2.x always starts a task-runner broker; next to n8n's own port, as n8n's defaults (5678, 5679) are.
	N8N_RUNNERS_BROKER_PORT: String(n8nPort + 1),
};
const n8nCli = (args) =>
	execFileSync(n8nNode(n8nVersion), [n8nBin(n8nVersion), ...args], {
		env,
		stdio: ['ignore', 'ignore', 'inherit'],
	});

// The emulator, seeded with the demo program.
const emulator = spawn(
	process.execPath,
	[
		join(root, 'emulator', 'server.mjs'),
		'--port',
		String(emulatorPort),
		'--seed',
		join(root, 'emulator', 'seeds', 'demo.json'),
	],
	{
		stdio: ['ignore', 'pipe', 'inherit'],
		detached: true,
	},
);
children.push(emulator);
const emulatorUrl = await new Promise((resolve, reject) => {
	emulator.once('exit', (code) =>
		reject(new Error(`the emulator exited (${code}) before it listened on port ${emulatorPort}`)),
	);
	createInterface({ input: emulator.stdout }).once('line', (line) => resolve(JSON.parse(line).url));
});
say(`emulator on ${emulatorUrl}`);

// Credentials and example workflows (imported again at every start: the emulator starts fresh too).
const credentialsFile = join(userFolder, 'sandbox-credentials.json');
writeFileSync(
	credentialsFile,
	JSON.stringify([
		{
			id: 'psSandboxLive001',
			name: 'PartnerStack (emulator, production keys)',
			type: 'partnerStackApi',
			data: { ...CHOICES.keys.production, sandbox: false, baseUrl: emulatorUrl },
		},
		{
			id: 'psSandboxTest001',
			name: 'PartnerStack (emulator, test keys)',
			type: 'partnerStackApi',
			data: { ...CHOICES.keys.test, sandbox: true, baseUrl: emulatorUrl },
		},
	]),
);
n8nCli(['import:credentials', `--input=${credentialsFile}`]);
const examplesDir = join(root, 'examples');
const examples = readdirSync(examplesDir).filter((file) => file.endsWith('.json'));
mkdirSync(join(filesFolder, 'export'), { recursive: true });
cpSync(join(examplesDir, 'files'), join(filesFolder, 'inbox'), { recursive: true });
for (const file of examples) {
	const workflow = readFileSync(join(examplesDir, file), 'utf8').replaceAll(
		EXAMPLES_FOLDER,
		filesFolder,
	);
	const copy = join(userFolder, `example-${file}`);
	writeFileSync(copy, workflow);
	n8nCli(['import:workflow', `--input=${copy}`]);
}
for (const id of ACTIVE_EXAMPLES) {
	n8nCli(
		n8nMajor >= 2
			? ['publish:workflow', `--id=${id}`]
			: ['update:workflow', `--id=${id}`, '--active=true'],
	);
}

// n8n itself.
const n8n = spawn(n8nNode(n8nVersion), [n8nBin(n8nVersion), 'start'], {
	env,
	stdio: ['ignore', 'pipe', 'pipe'],
	detached: true,
});
children.push(n8n);
let n8nLog = '';
n8n.stdout.on('data', (chunk) => (n8nLog += chunk));
n8n.stderr.on('data', (chunk) => (n8nLog += chunk));
n8n.once('exit', (code) => {
	if (code !== 0 && code !== null) {
		console.error(n8nLog);
		say(`n8n exited (${code}); its log is above`);
		stopAll(1);
	}
});
const base = `http://127.0.0.1:${n8nPort}`;
for (let waited = 0; ; waited += 500) {
	try {
		// n8n logs this once it listens: another server on the port must not pass for ours.
		if (n8nLog.includes('Editor is now accessible') && (await fetch(`${base}/rest/settings`)).ok)
			break;
	} catch {
		// not up yet
	}
	if (waited > 180_000) {
		console.error(n8nLog);
		throw new Error('n8n did not start');
	}
	await new Promise((resolve) => setTimeout(resolve, 500));
}

let cookie = '';
async function rest(method, path, body) {
	const response = await fetch(`${base}/rest${path}`, {
		method,
		headers: { 'content-type': 'application/json', 'browser-id': 'sandbox', cookie },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	cookie = response.headers.get('set-cookie')?.split(';')[0] ?? cookie;
	return { status: response.status, body: await response.json().catch(() => ({})) };
}
const setup = await rest('POST', '/owner/setup', owner);
const login = await rest('POST', '/login', {
	emailOrLdapLoginId: owner.email,
	password: owner.password,
});
if (login.status !== 200)
	say(
		`note: could not log in as ${owner.email} (owner setup ${setup.status}, login ${login.status})`,
	);

say('ready');
console.log(`
  n8n        ${base}   (n8n ${n8nVersion})
  login      ${owner.email} / ${owner.password}
  emulator   ${emulatorUrl}   (admin API: ${emulatorUrl}/__emulator/requests)
  credential "PartnerStack (emulator, production keys)" and "… test keys", ${examples.length} example workflows
  files      ${filesFolder}/inbox (example 1 reads it), ${filesFolder}/export (example 4 writes it)
  Ctrl-C stops n8n and the emulator.
`);

if (check) {
	const stored = JSON.parse(readFileSync(credentialsFile, 'utf8'))[0];
	const test = await rest('POST', '/credentials/test', { credentials: stored });
	const nodeTypes = await fetch(`${base}/types/nodes.json`, {
		headers: { cookie, 'browser-id': 'sandbox' },
	});
	const loaded = (await nodeTypes.text()).includes('n8n-nodes-partnerstack.partnerStack');
	console.log(
		JSON.stringify({
			check: 'sandbox',
			login: login.status,
			credentialTest: test.body.data ?? test.body,
			nodeLoaded: loaded,
			examples: examples.length,
		}),
	);
	stopAll(test.body.data?.status === 'OK' && loaded ? 0 : 1);
}
