import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class PartnerStackApi implements ICredentialType {
	name = 'partnerStackApi';

	displayName = 'PartnerStack API';

	icon: Icon = {
		light: 'file:../icons/partnerstack.svg',
		dark: 'file:../icons/partnerstack.dark.svg',
	};

	documentationUrl = 'https://github.com/n8n-nodes-partnerstack/n8n-nodes-partnerstack#credentials';

	httpRequestNode = {
		name: 'PartnerStack',
		docsUrl: 'https://docs.partnerstack.com/reference',
		apiBaseUrlPlaceholder: 'https://api.partnerstack.com/api/v2/partnerships',
	};

	properties: INodeProperties[] = [
		{
			displayName: 'Public Key',
			name: 'publicKey',
			type: 'string',
			default: '',
			required: true,
			description:
				'Public API key from PartnerStack → Settings → Integrations → PartnerStack API Keys',
		},
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Secret (private) API key of the same pair',
		},
		{
			displayName: 'Sandbox (Test Keys)',
			name: 'sandbox',
			type: 'boolean',
			default: false,
			description:
				'Whether these are the test keys: objects they create are marked test, customers must belong to a test partner such as gstest, and their transactions generate no rewards',
		},
		{
			displayName: 'API URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.partnerstack.com',
			description:
				'Leave as is for PartnerStack. Point it at another host (for example a local emulator) to send every call there.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			auth: {
				username: '={{$credentials.publicKey}}',
				password: '={{$credentials.secretKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/api/v2/partnerships',
			qs: { limit: 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'PartnerStack refused these keys (401). Check the public and secret key, and that they are a pair from Settings → Integrations.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'PartnerStack accepted the keys but refused access (403). The API user needs the Admin role or full Integrations permission.',
				},
			},
		],
	};
}
