/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test code, not node code */
// Once per e2e run: both pinned n8n lines are installed (cached; in parallel on a fresh machine), and this
// package is built and packed once, however many e2e projects run.
import { ensureN8nInstalled, packPackage } from './n8n';

export default async function globalSetup() {
	if (process.env.PS_E2E_PREPARED === '1') return;
	ensureN8nInstalled('all');
	packPackage();
	process.env.PS_E2E_PREPARED = '1';
}
