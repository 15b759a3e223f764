/** `npm run docs:schema`: writes docs/form-format.schema.json from the zod form schema. */
import { writeFileSync } from 'node:fs';
import { formJsonSchemaPath, formJsonSchemaText } from './form-schema';

writeFileSync(formJsonSchemaPath, formJsonSchemaText());
process.stdout.write(`${formJsonSchemaPath} written\n`);
