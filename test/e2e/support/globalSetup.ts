/* eslint-disable @n8n/community-nodes/no-restricted-globals */
// Once per e2e run: the pinned n8n is installed (cached) and this package is built and packed.
import { execFileSync } from 'node:child_process';

import { ensureN8nInstalled, packPackage, REPO_ROOT } from './n8n';

export default async function globalSetup() {
	ensureN8nInstalled(undefined, (line) => process.stdout.write(`\n[e2e] ${line}\n`));
	execFileSync('npm', ['run', '--silent', 'build'], { cwd: REPO_ROOT, stdio: 'ignore' });
	packPackage();
}
