/** Two projects: fast unit tests against the emulator, and end-to-end runs in a real n8n. */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.test.json' }];
// csv-parse's core ships as the bundle gulp builds: tests use exactly what the package publishes (build first).
const moduleNameMapper = { '/vendor/csvParse$': '<rootDir>/dist/nodes/PartnerStack/vendor/csvParse.js' };

module.exports = {
	projects: [
		{
			displayName: 'unit',
			testEnvironment: 'node',
			roots: ['<rootDir>/test'],
			testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
			transform: { '^.+\\.ts$': tsJest },
			moduleNameMapper,
		},
		{
			displayName: 'e2e',
			testEnvironment: 'node',
			roots: ['<rootDir>/test'],
			testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
			transform: { '^.+\\.ts$': tsJest },
			moduleNameMapper,
			globalSetup: '<rootDir>/test/e2e/support/globalSetup.ts',
		},
	],
};
