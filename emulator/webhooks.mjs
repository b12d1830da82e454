// Real webhook delivery: when an object changes, POST the flat object plus `event` to every active hook
// that subscribed to that event. Deliveries are logged so tests can read them.
import { createHmac } from 'node:crypto';
import { CHOICES } from './choices.mjs';

export class WebhookDispatcher {
	constructor(store) {
		this.store = store;
		this.deliveries = [];
		this.pending = new Set();
	}

	emit(event, object) {
		const hooks = this.store
			.all('webhooks')
			.filter((hook) => !hook.archived && hook.events.includes(event));
		for (const hook of hooks) {
			const payload = { ...object, event: CHOICES.deliveredEventName(event) };
			const delivery = this.deliver(hook, payload).finally(() => this.pending.delete(delivery));
			this.pending.add(delivery);
		}
	}

	/** Sends a body to a hook again, as a redelivery would. */
	redeliver(index) {
		const original = this.deliveries[index];
		const hook = original && this.store.find('webhooks', original.webhookKey);
		if (!hook) return false;
		const delivery = this.deliver(hook, original.body).finally(() => this.pending.delete(delivery));
		this.pending.add(delivery);
		return true;
	}

	async deliver(hook, payload) {
		const body = JSON.stringify(payload);
		const headers = {
			'content-type': 'application/json',
			'user-agent': 'PartnerStack-Emulator-Webhooks',
		};
		if (hook.secret) {
			headers[CHOICES.signatureHeader] = createHmac('sha256', hook.secret)
				.update(body)
				.digest('hex');
		}
		const record = {
			webhookKey: hook.key,
			event: payload.event,
			target: hook.target_url,
			body: payload,
			attempts: 0,
			status: undefined,
			error: undefined,
			at: Date.now(),
		};
		this.deliveries.push(record);
		for (let attempt = 1; attempt <= CHOICES.deliveryAttempts; attempt++) {
			record.attempts = attempt;
			try {
				const response = await fetch(hook.target_url, {
					method: 'POST',
					headers,
					body,
					signal: AbortSignal.timeout(CHOICES.deliveryTimeoutMs),
				});
				record.status = response.status;
				await response.arrayBuffer();
				if (response.ok) return;
			} catch (error) {
				record.error = error.cause?.code ?? error.message;
			}
			await new Promise((resolve) => setTimeout(resolve, CHOICES.deliveryRetryDelayMs * attempt));
		}
	}

	/** Resolves when every delivery in flight has finished (tests wait on it). */
	async settle() {
		while (this.pending.size) await Promise.allSettled([...this.pending]);
	}
}
