/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code, not node code */
// `npm run lint` is also the formatting check: code that prettier would change fails it. Checked with prettier itself on
// a badly formatted source handed over stdin under a path it must check, so the repo's files are never touched.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const prettierCheck = (path: string, source: string) =>
	spawnSync(join(root, 'node_modules', '.bin', 'prettier'), ['--check', '--stdin-filepath', path], {
		cwd: root,
		input: source,
		encoding: 'utf8',
	});

describe('formatting', () => {
	it('is part of npm run lint, over the whole tree', () => {
		expect(pkg.scripts.lint).toMatch(/prettier --check \.$/);
		expect(pkg.devDependencies.prettier).toMatch(/^\d+\.\d+\.\d+$/);
	});

	it('fails a node source that is not formatted', () => {
		const result = prettierCheck(
			'nodes/PartnerStack/helpers/example.ts',
			'export const a = {b:1,\n  c:2}\n',
		);
		expect(result.status).not.toBe(0);
	});

	it('passes the same source once formatted', () => {
		const result = prettierCheck(
			'nodes/PartnerStack/helpers/example.ts',
			'export const a = { b: 1, c: 2 };\n',
		);
		expect(result.status).toBe(0);
	});
});
