/**
 * A validator for the official SARIF 2.1.0 schema (test/audit/fixtures/sarif-schema-2.1.0.json, a
 * draft-04 JSON schema, so Ajv's draft-04 build), shared by the SARIF writer's tests and the
 * end-to-end test of svm audit.
 */
import { readFileSync } from "node:fs";

export const OFFICIAL_SCHEMA = JSON.parse(readFileSync(new URL("./fixtures/sarif-schema-2.1.0.json", import.meta.url), "utf8"));

type Validate = ((data: unknown) => boolean) & { errors?: unknown };
interface AjvInstance {
  compile(schema: object): Validate;
  addFormat(name: string, check: (text: string) => boolean): void;
}

/**
 * The schema's three string formats, checked here so a malformed URI or date fails validation
 * instead of being ignored: `uri` an absolute URI, `uri-reference` also a relative one (RFC 3986),
 * `date-time` RFC 3339's date-time.
 */
export const FORMATS: Record<string, (text: string) => boolean> = {
  uri: (text) => !/\s/.test(text) && URL.canParse(text),
  "uri-reference": (text) => !/\s/.test(text) && URL.canParse(text, "http://base.invalid/"),
  "date-time": (text) => /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(text) && !Number.isNaN(Date.parse(text)),
};

/** Ajv (devDependencies ajv, ajv-draft-04): a missing package fails this test with the install to do, never skips it. */
async function validatorFor(schema: object): Promise<Validate> {
  let Ajv: new (options: object) => AjvInstance;
  try {
    Ajv = (await import("ajv-draft-04")).default;
  } catch (error) {
    throw new Error(`validating SARIF needs the devDependencies ajv@^8.20.0 and ajv-draft-04@^1.0.0 (npm ci): ${error instanceof Error ? error.message : String(error)}`);
  }
  // Not strict: the official schema names properties in `required` of an anyOf branch that only
  // its parent defines, which Ajv's strict mode refuses though draft-04 allows it.
  const ajv = new Ajv({ allErrors: true, strict: false });
  for (const [name, check] of Object.entries(FORMATS)) ajv.addFormat(name, check);
  return ajv.compile(schema);
}

export const sarifValidator = (): Promise<Validate> => validatorFor(OFFICIAL_SCHEMA);
