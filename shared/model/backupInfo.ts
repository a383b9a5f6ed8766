import { z } from 'zod';

export const backupInfoSchema = z.object({
  id: z.string(),
  createdAt: z.iso.datetime(),
  reason: z.string(),
  automatic: z.boolean(),
  linkCount: z.number().int(),
});
/** One snapshot of a workspace (`backups/<id>/backup.json`), as listed to the user. */
export type BackupInfo = z.infer<typeof backupInfoSchema>;
