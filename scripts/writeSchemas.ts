import { writeFile } from 'node:fs/promises';
import { inventoryJsonSchema } from '../shared/model/inventoryJsonSchema.ts';
import { reportJsonSchemaDocument } from '../shared/model/reportJson.ts';
import { stableStringify } from '../shared/model/stableJson.ts';

await writeFile('docs/schemas/inventory-v1.schema.json', stableStringify(inventoryJsonSchema()));
console.log('wrote docs/schemas/inventory-v1.schema.json');
await writeFile('docs/schemas/report-v1.schema.json', stableStringify(reportJsonSchemaDocument()));
console.log('wrote docs/schemas/report-v1.schema.json');
