// Our test credentials, and n8n's credentials store without its database (see TestCredentialsHelper).
import {
	ICredentialsHelper,
	isExpression,
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IHttpRequestOptions,
	type INode,
	type INodeParameters,
	type INodeTypes,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { PartnerStackApi } from '../../credentials/PartnerStackApi.credentials';

export interface Credentials {
	publicKey: string;
	secretKey: string;
	sandbox?: boolean;
	baseUrl: string;
}

export function credentialsFor(
	url: string,
	keys: { publicKey: string; secretKey: string },
	sandbox = false,
): Credentials {
	return { ...keys, baseUrl: url, sandbox };
}

/**
 * n8n's credentials store without its database: answers our test credentials. Defaults, expressions and the
 * credential type's generic `authenticate` are applied as n8n's own CredentialsHelper (packages/cli) does it,
 * through n8n-workflow's expression engine; n8n-core exposes no implementation of these to reuse.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	private readonly types: Record<string, ICredentialType> = {
		partnerStackApi: new PartnerStackApi(),
	};

	constructor(
		private readonly credentials: Credentials,
		private readonly nodeTypes: INodeTypes,
	) {
		super();
	}

	private type(name: string): ICredentialType {
		const type = this.types[name];
		if (!type) throw new Error(`unknown credential type ${name}`);
		return type;
	}

	getParentTypes(): string[] {
		return [];
	}

	getCredentialsProperties(type: string) {
		return this.type(type).properties;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow: Workflow,
		node: INode,
	) {
		const { authenticate } = this.type(typeName);
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (authenticate?.type !== 'generic') return requestOptions;
		requestOptions.headers ??= {};
		const resolve = (value: string) => {
			if (!isExpression(value)) return value;
			const resolved = workflow.expression.getSimpleParameterValue(
				node,
				value,
				'internal',
				{ $credentials: credentials },
				undefined,
				'',
			);
			return resolved ? String(resolved as string) : '';
		};
		const target = requestOptions as unknown as Record<string, Record<string, string>>;
		for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
			for (const [key, value] of Object.entries(outerValue as Record<string, string>)) {
				target[outerKey] ??= {};
				target[outerKey][resolve(key)] = resolve(value);
			}
		}
		return requestOptions;
	}

	async preAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<never> {
		throw new Error('the test credentials store holds decrypted credentials only');
	}

	async getDecrypted(
		_additionalData: unknown,
		_nodeCredentials: unknown,
		type: string,
		mode: WorkflowExecuteMode,
	): Promise<ICredentialDataDecryptedObject> {
		// As n8n does: fill in the type's defaults, then resolve any expression in the values.
		const withDefaults = NodeHelpers.getNodeParameters(
			this.getCredentialsProperties(type),
			{ ...this.credentials } as unknown as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
		const workflow = new Workflow({
			nodes: [],
			connections: {},
			active: false,
			nodeTypes: this.nodeTypes,
		});
		const probe: INode = {
			id: 'credentials',
			name: 'credentials',
			type: 'mock',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		};
		return workflow.expression.getComplexParameterValue(
			probe,
			withDefaults as INodeParameters,
			mode,
			{},
			undefined,
			undefined,
			withDefaults as INodeParameters,
		) as ICredentialDataDecryptedObject;
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}
}
