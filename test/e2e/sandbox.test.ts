/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code, not node code */
// The README's first command: `npm run sandbox` brings up the emulator and n8n with the package and a
// working credential. `--check` starts everything, verifies, and stops.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort } from './support/ports';

jest.setTimeout(300_000);

it('starts n8n with the package loaded and a credential that passes its test against the emulator', async () => {
	const folder = mkdtempSync(join(tmpdir(), 'ps-sandbox-'));
	try {
		const result = spawnSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'sandbox.mjs'), '--check'], {
			env: {
				...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(JEST_|NODE_ENV$)/.test(name))),
				SANDBOX_N8N_PORT: String(await freePort()),
				PARTNERSTACK_EMULATOR_PORT: String(await freePort()),
				SANDBOX_USER_FOLDER: folder,
				// The e2e setup has just built and packed the package; rebuilding dist under the other suites would race them.
				SANDBOX_SKIP_BUILD: '1',
			},
			encoding: 'utf8',
		});
		const line = result.stdout.split('\n').find((text) => text.startsWith('{"check":"sandbox"'));
		if (result.status !== 0 || !line) throw new Error(`sandbox --check failed (${result.status}):\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
		expect(JSON.parse(line!)).toMatchObject({ credentialTest: { status: 'OK' }, nodeLoaded: true });
		expect(result.stdout).toMatch(/login\s+admin@sandbox\.local/);
		expect(result.status).toBe(0);
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
});
