import { z } from 'zod';
import { inventorySchema } from './inventory.ts';

/** The JSON Schema of the inventory file, derived from the runtime schema so the two cannot drift. */
export function inventoryJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://applink-advisor.invalid/schemas/inventory-v1.schema.json',
    title: 'Applink Advisor inventory (version 1)',
    ...z.toJSONSchema(inventorySchema, { io: 'input' }),
  };
}
