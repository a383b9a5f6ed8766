import { validateInventory, type Inventory } from '../model/inventory.ts';
import { parseJsonText } from '../model/jsonText.ts';
import type { InputProblem } from '../model/validationMessages.ts';
import { scrubSecrets, type RemovedSecret } from './secrets.ts';

/**
 * An inventory file read for assessing or reporting (not imported): secrets are removed first, by name
 * and by value, exactly as the importer does, so none reaches a verdict, a checklist or a report.
 */
export function readInventoryFile(text: string): { ok: true; value: Inventory; removed: RemovedSecret[] } | { ok: false; problems: InputProblem[] } {
  const json = parseJsonText(text);
  if (!json.ok) return { ok: false, problems: json.problems };
  const { value, removed } = scrubSecrets(json.value);
  const inventory = validateInventory(value);
  return inventory.ok ? { ok: true, value: inventory.value, removed } : { ok: false, problems: inventory.problems };
}
