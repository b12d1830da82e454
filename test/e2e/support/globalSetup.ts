// Once per e2e run: the pinned n8n is installed (cached) and this package is built and packed.
import { ensureN8nInstalled, packPackage } from './n8n';

export default async function globalSetup() {
	ensureN8nInstalled();
	packPackage();
}
