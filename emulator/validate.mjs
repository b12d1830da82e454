// Request-body validation as data: each endpoint declares its fields, and one function checks them.
// Messages follow the JSON-schema style PartnerStack answers with ("'email' is a required property").
import { ApiError } from './store.mjs';

const TYPE_CHECKS = {
	string: (value) => typeof value === 'string',
	integer: (value) => Number.isInteger(value),
	boolean: (value) => typeof value === 'boolean',
	object: (value) => typeof value === 'object' && !Array.isArray(value),
	array: (value) => Array.isArray(value),
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * @param body the parsed JSON body
 * @param schema { field: { type, required?, nullable?, enum?, min?, max?, minLength?, maxLength?, format? } }
 */
export function validateBody(body, schema) {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		throw new ApiError(400, 'The request body must be a JSON object');
	}
	for (const [field, rule] of Object.entries(schema)) {
		const value = body[field];
		if (value === undefined) {
			if (rule.required) throw new ApiError(400, `'${field}' is a required property`);
			continue;
		}
		if (value === null) {
			if (rule.nullable) continue;
			throw new ApiError(400, `None is not of type '${rule.type}' ('${field}')`);
		}
		if (!TYPE_CHECKS[rule.type](value)) {
			throw new ApiError(
				400,
				`${JSON.stringify(value)} is not of type '${rule.type}' ('${field}')`,
			);
		}
		if (rule.enum && !rule.enum.includes(value)) {
			throw new ApiError(400, `'${value}' is not one of ${JSON.stringify(rule.enum)} ('${field}')`);
		}
		if (rule.min !== undefined && value < rule.min) {
			throw new ApiError(400, `${value} is less than the minimum of ${rule.min} ('${field}')`);
		}
		if (rule.max !== undefined && value > rule.max) {
			throw new ApiError(400, `${value} is greater than the maximum of ${rule.max} ('${field}')`);
		}
		if (rule.minLength !== undefined && value.length < rule.minLength) {
			throw new ApiError(400, `'${field}' is too short (minimum ${rule.minLength} characters)`);
		}
		if (rule.maxLength !== undefined && value.length > rule.maxLength) {
			throw new ApiError(400, `'${field}' is too long (maximum ${rule.maxLength} characters)`);
		}
		if (rule.format === 'email' && !EMAIL.test(value)) {
			throw new ApiError(400, `'${value}' is not a valid email ('${field}')`);
		}
		if (rule.format === 'date' && !isCalendarDate(value)) {
			throw new ApiError(400, `'${value}' is not a valid date in YYYY-MM-DD format ('${field}')`);
		}
	}
}

function isCalendarDate(value) {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Keeps only the declared fields that the body carries. */
export function pick(body, fields) {
	return Object.fromEntries(
		fields.filter((field) => body[field] !== undefined).map((field) => [field, body[field]]),
	);
}
