import { writeFile } from 'node:fs/promises';
import { inventoryJsonSchema } from '../shared/model/inventoryJsonSchema.ts';
import { stableStringify } from '../shared/model/stableJson.ts';

await writeFile('docs/schemas/inventory-v1.schema.json', stableStringify(inventoryJsonSchema()));
console.log('wrote docs/schemas/inventory-v1.schema.json');
