/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code, not node code */
// The editor in a real browser: Debian's Chromium driven by playwright-core logs into the sandbox, opens each
// example, opens each PartnerStack node's panel and checks that the node, its icon and its main parameters render,
// with no console error caused by this package. Screenshots land in test-results/browser (the README's pictures).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

import { REPO_ROOT } from './support/n8n';
import { Sandbox, SANDBOX_LOGIN } from './support/sandbox';

jest.setTimeout(300_000);

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// This machine's network is closed: without these, Chromium's own background connections fail noisily.
const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];
const SHOTS = join(REPO_ROOT, 'test-results', 'browser');

/**
 * Console errors that n8n's editor itself prints in an offline, unlicensed sandbox, whatever nodes it shows. Each is
 * matched narrowly; anything else fails the test.
 */
const N8N_OWN_NOISE: Array<[RegExp, string]> = [
	[
		/api\.n8n\.io|ERR_NAME_NOT_RESOLVED|Failed to fetch dynamic banners/,
		'n8n calls home; the network is closed',
	],
	[
		/Plan lacks license|status of 403 \(Forbidden\)/,
		'enterprise features (AI assistant sessions) probe their license',
	],
	[
		/status of 404 \(Not Found\)/,
		"the editor asks for a workflow's last successful execution and for output schemas n8n's own nodes lack (checked by URL below)",
	],
];

interface Problem {
	where: string;
	text: string;
}

const sandbox = new Sandbox();
let browser: Browser;
let page: Page;
const problems: Problem[] = [];
const failedUrls: string[] = [];
let where = 'login';

function ensureChromium() {
	if (existsSync(CHROMIUM)) return;
	// Debian's package, installed once by the test itself (needs root, as CI has); a fresh machine may need the lists first.
	const apt = (...args: string[]) =>
		execFileSync('apt-get', args, {
			stdio: 'inherit',
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		});
	try {
		apt('install', '-y', '--no-install-recommends', 'chromium');
	} catch {
		apt('update');
		apt('install', '-y', '--no-install-recommends', 'chromium');
	}
}

const examples = readdirSync(join(REPO_ROOT, 'examples'))
	.filter((file) => file.endsWith('.json'))
	.map(
		(file) =>
			JSON.parse(readFileSync(join(REPO_ROOT, 'examples', file), 'utf8')) as {
				id: string;
				name: string;
				nodes: Array<{ name: string; type: string }>;
			},
	);

beforeAll(async () => {
	ensureChromium();
	mkdirSync(SHOTS, { recursive: true });
	await sandbox.start();
	browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
	page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
	page.on('console', (message) => {
		if (message.type() === 'error') problems.push({ where, text: message.text() });
	});
	page.on('pageerror', (error) => problems.push({ where, text: `uncaught: ${error.message}` }));
	page.on('response', (response) => {
		if (response.status() >= 400) failedUrls.push(`${response.status()} ${response.url()}`);
	});
	await page.goto(`${sandbox.url}/signin`);
	// A loaded machine can take a while to render the editor the first time.
	await page
		.waitForSelector('input[name=emailOrLdapLoginId]', { timeout: 120_000 })
		.catch(async (error: Error) => {
			await page.screenshot({ path: join(SHOTS, 'signin-failed.png') });
			throw new Error(
				`${error.message}\n${page.url()}\n${(await page.content()).slice(0, 2000)}\n${sandbox.log.slice(-2000)}`,
			);
		});
	await page.fill('input[name=emailOrLdapLoginId]', SANDBOX_LOGIN.email);
	await page.fill('input[name=password]', SANDBOX_LOGIN.password);
	await page.keyboard.press('Enter');
	await page.waitForURL((url) => !url.pathname.includes('signin'));
	// The home page's own start-up noise is not about this package; from here on every error counts.
	await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
	problems.length = 0;
	failedUrls.length = 0;
});

afterAll(async () => {
	writeFileSync(join(SHOTS, 'console.json'), JSON.stringify({ problems, failedUrls }, null, 2));
	await browser?.close();
	await sandbox.stop();
});

describe.each(examples.map((example) => [example.name, example] as const))(
	'%s',
	(_name, example) => {
		const partnerStackNodes = example.nodes.filter((node) =>
			node.type.startsWith('n8n-nodes-partnerstack.'),
		);

		it('opens on the canvas with every node and the PartnerStack icon', async () => {
			where = example.id;
			await page.goto(`${sandbox.url}/workflow/${example.id}`);
			await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60_000 });
			const onCanvas = await page.$$eval('[data-test-id="canvas-node"]', (nodes) =>
				nodes.map((node) => node.getAttribute('data-node-name')),
			);
			expect(onCanvas.sort()).toEqual(
				example.nodes
					.filter((node) => node.type !== 'n8n-nodes-base.stickyNote')
					.map((node) => node.name)
					.sort(),
			);
			for (const node of partnerStackNodes) {
				const icon = page
					.locator(`[data-test-id="canvas-node"][data-node-name="${node.name}"] img`)
					.first();
				expect(await icon.getAttribute('src')).toMatch(
					/\/icons\/n8n-nodes-partnerstack\/dist\/icons\/partnerstack(\.dark)?\.svg$/,
				);
				const loaded = await icon.evaluate(
					(image) =>
						new Promise<boolean>((resolve) => {
							const img = image as unknown as {
								complete: boolean;
								naturalWidth: number;
								addEventListener: (event: string, listener: () => void) => void;
							};
							if (img.complete) return resolve(img.naturalWidth > 0);
							img.addEventListener('load', () => resolve(true));
							img.addEventListener('error', () => resolve(false));
						}),
				);
				expect(loaded).toBe(true);
			}
			await page.screenshot({ path: join(SHOTS, `${example.id}.png`) });
		});

		it.each(partnerStackNodes.map((node) => [node.name, node] as const))(
			'panel of "%s" renders its parameters',
			async (_nodeName, node) => {
				where = `${example.id} › ${node.name}`;
				await page.dblclick(`[data-test-id="canvas-node"][data-node-name="${node.name}"]`);
				const panel = page.locator('[data-test-id="ndv"]');
				await panel.waitFor({ timeout: 30_000 });
				const expected = node.type.endsWith('.partnerStackTrigger')
					? ['parameter-input-events']
					: node.type.endsWith('.partnerStackImport')
						? [
								'parameter-input-objectType',
								'parameter-input-mode',
								'parameter-input-binaryPropertyName',
							]
						: ['parameter-input-resource', 'parameter-input-operation'];
				// The editor keeps a live connection open, so "network idle" may never come: wait for what must render.
				for (const testId of expected)
					await panel.locator(`[data-test-id="${testId}"]`).first().waitFor({ timeout: 30_000 });
				const shown = await panel
					.locator('[data-test-id^="parameter-input-"]')
					.evaluateAll((inputs) => inputs.map((input) => input.getAttribute('data-test-id')));
				expect(shown).toEqual(expect.arrayContaining(expected));
				await expect(
					panel
						.locator(
							'[data-test-id="node-credentials-select"], [data-test-id="node-credentials-select"] input',
						)
						.first()
						.isVisible(),
				).resolves.toBe(true);
				await page.screenshot({
					path: join(SHOTS, `${example.id}--${node.name.replace(/[^A-Za-z0-9]+/g, '-')}.png`),
				});
				await page.keyboard.press('Escape');
				await panel.waitFor({ state: 'hidden' });
			},
		);
	},
);

it('printed no console error caused by this package', () => {
	const unexplained = problems.filter(
		(problem) => !N8N_OWN_NOISE.some(([pattern]) => pattern.test(problem.text)),
	);
	expect(unexplained).toEqual([]);
	// Every failed request is n8n's own probe; none is for this package's icons, types or output schemas.
	expect(failedUrls.filter((url) => /n8n-nodes-partnerstack/.test(url))).toEqual([]);
	const n8nProbes =
		/\/rest\/(ai\/sessions\/metadata|workflows\/[^/]+\/executions\/last-successful)$|\/schemas\/n8n-nodes-base\./;
	expect(failedUrls.filter((url) => !n8nProbes.test(url))).toEqual([]);
	expect(problems.some((problem) => /partnerstack/i.test(problem.text))).toBe(false);
});
