#!/usr/bin/env node
// `npm run emulator -- --port 18080 --seed emulator/seeds/demo.json --rate-limit 4000 --latency 50 --error-rate 0.01`
// Rate limiter: `--rate-limiter window` (default: at most N in any 60 s) or `--rate-limiter bucket --burst 40`
// (a token bucket refilled at N a minute); `--retry-after never` leaves the header out of 429s.
import { parseArgs } from 'node:util';
import { createEmulator } from './app.mjs';
import { CHOICES } from './choices.mjs';

const { values } = parseArgs({
	options: {
		port: { type: 'string', default: process.env.PARTNERSTACK_EMULATOR_PORT ?? '18080' },
		host: { type: 'string', default: '127.0.0.1' },
		seed: { type: 'string', default: process.env.PARTNERSTACK_EMULATOR_SEED },
		'rate-limit': { type: 'string' },
		'rate-limiter': { type: 'string' },
		burst: { type: 'string' },
		'retry-after': { type: 'string' },
		latency: { type: 'string' },
		'error-rate': { type: 'string' },
		'drop-rate': { type: 'string' },
		'drop-after-write-rate': { type: 'string' },
	},
});

const faults = {};
if (values['rate-limit'] !== undefined) faults.rateLimitPerMinute = Number(values['rate-limit']);
if (values['rate-limiter'] !== undefined) faults.rateLimiter = values['rate-limiter'];
if (values.burst !== undefined) faults.rateLimitBurst = Number(values.burst);
if (values['retry-after'] !== undefined) faults.retryAfter = values['retry-after'];
if (values.latency !== undefined) faults.latencyMs = Number(values.latency);
if (values['error-rate'] !== undefined) faults.errorRate = Number(values['error-rate']);
if (values['drop-rate'] !== undefined) faults.dropRate = Number(values['drop-rate']);
if (values['drop-after-write-rate'] !== undefined)
	faults.dropAfterWriteRate = Number(values['drop-after-write-rate']);

const emulator = createEmulator({ seedFile: values.seed, faults });
await emulator.listen(Number(values.port), values.host);
process.stdout.write(
	`${JSON.stringify({
		event: 'listening',
		url: emulator.url,
		port: emulator.port,
		productionPublicKey: CHOICES.keys.production.publicKey,
		testPublicKey: CHOICES.keys.test.publicKey,
	})}\n`,
);

const stop = async () => {
	await emulator.close();
	process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
