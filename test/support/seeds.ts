/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code, not node code */
// Seeds a few test files share, on top of the demo program (test/support/node.ts DEMO).
import type { EmulatorProcess } from './emulator';
import { DEMO } from './node';

/** Two pending applications (one with its form content) and one declined long ago. */
export const APPLICATIONS = {
	...DEMO,
	applications: [
		{
			key: 'appl_Linus',
			email: 'linus@kernel.example',
			first_name: 'Linus',
			last_name: 'Torvalds',
			group_key: 'grup_Resellers00001',
			content: {
				first_name: 'Linus',
				last_name: 'Torvalds',
				email: 'linus@kernel.example',
				business_name: 'Kernel Consulting',
			},
		},
		{
			key: 'appl_Mallory',
			email: 'mallory@spam.example',
			first_name: 'Mallory',
			last_name: 'Spam',
			group_key: 'grup_Affiliates0001',
		},
		{
			key: 'appl_Old',
			email: 'old@example.com',
			first_name: 'Old',
			last_name: 'Timer',
			approved: false,
			decline_reason: 'Duplicate',
		},
	],
};

/** Two tiers whose positions are the reverse of their insertion order. */
export const TIERS = {
	...DEMO,
	tiers: [
		{ key: 'tier_Gold', name: 'Gold', position: 2 },
		{ key: 'tier_Silver', name: 'Silver', position: 1 },
	],
};

/** A hook that nobody listens on still records every delivery (with its body) in the emulator. */
export async function subscribe(emulator: EmulatorProcess, events: string[]) {
	await emulator.api('POST', '/api/v2/webhooks', { target_url: 'http://127.0.0.1:9/hook', events });
}
