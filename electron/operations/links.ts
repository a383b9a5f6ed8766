import type { Handlers } from '../../shared/contract/api.ts';
import { closeMigration, saveChecklistState } from '../features/checklistService.ts';
import { OperationError } from '../../shared/contract/operationError.ts';
import { assertSelfContainedHtml } from '../features/exportedHtml.ts';
import { checkExportContent } from '../features/exportContent.ts';
import type { OperationContext } from './context.ts';

type LinkOperations = Pick<Handlers, 'links.create' | 'links.save' | 'links.saveMany' | 'links.delete' | 'links.history' | 'export.save' | 'checklists.update' | 'checklists.close'>;

/** Links and their checklists: what the inventory and the link view change. */
export function linkOperations({ preferences, store, save }: OperationContext): LinkOperations {
  return {
    'links.create': ({ name }) => store().create(name),
    'links.save': ({ link }) => store().save(link),
    'links.saveMany': async ({ links }) => ({ documents: await store().saveMany(links) }),
    'links.delete': async ({ ids }) => ({ deleted: await store().delete(ids) }),
    'links.history': async ({ id }) => ({ entries: await store().historyOf(id) }),
    'export.save': async ({ suggestedName, format, text, base64 }) => {
      // The dialog proposes suggestedName: a page sent as "md" must not land under an .html name unchecked.
      if (!suggestedName.toLowerCase().endsWith(`.${format}`)) throw new OperationError('invalid-argument', `The file was not saved: its name must end with .${format}, the format of its content.`);
      const content = text !== undefined ? text : Buffer.from(base64 ?? '', 'base64');
      checkExportContent(format, content);
      if (format === 'html') assertSelfContainedHtml(typeof content === 'string' ? content : content.toString('utf8'));
      const target = await save(suggestedName, format, content);
      return target ? { saved: true, path: target } : { saved: false };
    },
    'checklists.update': ({ linkId, checklistId, state }) => saveChecklistState(store(), linkId, checklistId, state),
    'checklists.close': async ({ linkId, checklistId }) => closeMigration(store(), linkId, checklistId, (await preferences.get()).operatorName),
  };
}
