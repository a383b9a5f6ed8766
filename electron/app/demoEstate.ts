import { inventorySchema } from '../../shared/model/inventory.ts';
import type { Link } from '../../shared/model/link.ts';
import demoInventory from '../../assets/demo-estate.inventory.json';

/** The demo estate a new workspace starts with (assets/demo-estate.inventory.json), validated like any inventory. */
export function demoEstateLinks(): Link[] {
  return inventorySchema.parse(demoInventory).links;
}
