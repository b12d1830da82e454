import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isSandbox } from '../../transport';

export const TEST_PARTNER_KEY = 'gstest';

export const customerOptionalFields: INodeProperties[] = [
	{
		displayName: 'Member Key',
		name: 'memberKey',
		type: 'string',
		default: '',
		description: "Key of the partner's team member who referred the customer",
	},
	{
		displayName: 'Meta (JSON)',
		name: 'meta',
		type: 'json',
		default: '{}',
		description: 'Custom fields of the customer',
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		description: 'Person or company name (up to 100 characters)',
	},
	{
		displayName: 'Provider Key',
		name: 'providerKey',
		type: 'string',
		default: '',
		description: 'The customer ID in your billing system (Stripe, Chargebee, Recurly…)',
	},
];

export const partnerKeyProperty: INodeProperties = {
	displayName: 'Partner Key',
	name: 'partnerKey',
	type: 'string',
	default: '',
	description:
		"The referring partner's partner key. Note: customers created through the API are not attributed to a partner link.",
};

export const useTestPartnerProperty: INodeProperties = {
	displayName: 'Use Test Partner When Empty',
	name: 'useTestPartner',
	type: 'boolean',
	default: false,
	description:
		'Whether to file the customer under the test partner gstest when Partner Key is empty (sandbox credentials only)',
};

/** The partner key, or gstest when the user left it empty and asked for the test partner with test keys. */
export async function partnerKeyFor(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	const partnerKey = String(this.getNodeParameter('partnerKey', itemIndex, '') ?? '').trim();
	if (partnerKey) return partnerKey;
	if (!this.getNodeParameter('useTestPartner', itemIndex, false)) {
		throw new Error("Partner Key is required: enter the referring partner's key");
	}
	if (!(await isSandbox.call(this))) {
		throw new Error('"Use Test Partner When Empty" needs a credential marked Sandbox (test keys)');
	}
	return TEST_PARTNER_KEY;
}
