import { emulatorWith, runNode, runNodeError } from '../../../support/node';

const emulator = emulatorWith();

describe('export create', () => {
	it('queues the export of the chosen types for the teammate', async () => {
		const [item] = await runNode(emulator, {
			resource: 'export',
			operation: 'create',
			memberEmail: ' ops@vendor.example ',
			exportTypes: ['partners', 'customers'],
		});
		expect(item.json).toMatchObject({
			member_email: 'ops@vendor.example',
			export_types: ['partners', 'customers'],
			status: 'queued',
		});
		expect(String(item.json.message)).toMatch(/ops@vendor\.example/);
		const request = (await emulator.requests()).at(-1)!;
		expect(request).toMatchObject({
			method: 'POST',
			path: '/api/v2/exports/base-records',
			body: { member_email: 'ops@vendor.example', export_types: ['partners', 'customers'] },
		});
	});

	it('types the keys may not read make a 403 with a hint', async () => {
		const error = await runNodeError(emulator, {
			resource: 'export',
			operation: 'create',
			memberEmail: 'ops@vendor.example',
			exportTypes: ['deals', 'leads'],
		});
		expect(error.httpCode).toBe('403');
		expect(error.message).toBe('None of the requested export types is accessible: deals, leads');
		expect(error.description).toMatch(/leads and deals exports need a plan/);
	});

	it('a mix exports the accessible types and names the skipped ones', async () => {
		const [item] = await runNode(emulator, {
			resource: 'export',
			operation: 'create',
			memberEmail: 'ops@vendor.example',
			exportTypes: ['deals', 'rewards'],
		});
		expect(item.json).toMatchObject({ export_types: ['rewards'], skipped_types: ['deals'] });
	});

	it('no record type is refused before any request', async () => {
		await emulator.clearRequests();
		// An expression that resolves to none: n8n itself refuses to start a workflow whose required list is empty.
		const error = await runNodeError(emulator, {
			resource: 'export',
			operation: 'create',
			memberEmail: 'ops@vendor.example',
			exportTypes: '={{ [] }}',
		});
		expect(error.message).toMatch(/at least one record type/);
		expect(await emulator.requests()).toEqual([]);
	});
});
