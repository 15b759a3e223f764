/** `npm run docs:bundle-schema`: writes docs/bundle-format.schema.json from the zod bundle schemas. */
import { writeFileSync } from 'node:fs';
import { bundleJsonSchemaPath, bundleJsonSchemaText } from './bundle-schema';

writeFileSync(bundleJsonSchemaPath, bundleJsonSchemaText());
process.stdout.write(`${bundleJsonSchemaPath} written\n`);
