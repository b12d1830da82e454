/** Two projects: fast unit tests against the emulator, and end-to-end runs in a real n8n. */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.test.json' }];
// csv-parse's core ships as the bundle gulp builds: tests use exactly what the package publishes (build first).
// Kills what a crashed or ended test left running, by the PIDs test/support/processes.ts recorded.
const globalTeardown = '<rootDir>/test/support/globalTeardown.ts';
const moduleNameMapper = {
	'/vendor/csvParse$': '<rootDir>/dist/nodes/PartnerStack/vendor/csvParse.js',
};

module.exports = {
	projects: [
		{
			displayName: 'unit',
			testEnvironment: 'node',
			roots: ['<rootDir>/test'],
			testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
			transform: { '^.+\\.ts$': tsJest },
			moduleNameMapper,
			globalTeardown,
		},
		// The end-to-end suite once per n8n line (scripts/n8n-lines.json): 1.x on this Node 20, 2.x on Node 24.
		// The browser test drives the sandbox's editor, which runs the 1.x line.
		...['1', '2'].map((line) => ({
			displayName: `e2e-n8n${line}`,
			testEnvironment: 'node',
			roots: ['<rootDir>/test'],
			testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
			testPathIgnorePatterns: line === '1' ? [] : ['/browser\\.test\\.ts$'],
			transform: { '^.+\\.ts$': tsJest },
			moduleNameMapper,
			globals: { N8N_LINE: line },
			globalSetup: '<rootDir>/test/e2e/support/globalSetup.ts',
			globalTeardown,
		})),
		// Queue mode (Redis, PostgreSQL, main, two workers, a webhook processor): `queue` on the 1.x line,
		// `queue-n8n2` on the 2.x line (its workers run task runners).
		...['1', '2'].map((line) => ({
			displayName: line === '1' ? 'queue' : `queue-n8n${line}`,
			testEnvironment: 'node',
			roots: ['<rootDir>/test'],
			testMatch: ['<rootDir>/test/queue/**/*.test.ts'],
			transform: { '^.+\\.ts$': tsJest },
			moduleNameMapper,
			globals: { N8N_LINE: line },
			globalSetup: '<rootDir>/test/e2e/support/globalSetup.ts',
			globalTeardown,
		})),
	],
};
