/** GET /api/agencies/:id/metrics/history: who changed which metric setting, when, from what to what. */
import { z } from 'zod';
import { MAX_KEY_CHARS } from './metric-settings.ts';
import { editorSchema } from './reports.ts';
import { text } from './common.ts';

export const settingHistoryQuery = z.object({
  /** One metric's changes; all of the agency's when absent. */
  metric: text.max(MAX_KEY_CHARS).optional(),
});

export const settingChangeSchema = z.object({
  /** What changed, in words: "Breakdown Biological Sex: Female", "Definition: Sworn officers". */
  setting: z.string(),
  /** In words ("On", "Included", "Annual"); null when it had not been set. */
  old_value: z.string().nullable(),
  new_value: z.string().nullable(),
});
export type SettingChangeJson = z.infer<typeof settingChangeSchema>;

export const settingHistoryEntrySchema = z.object({
  metric_key: z.string(),
  metric_display_name: z.string(),
  /** Who made the change; null for people no longer in the agency. */
  user: editorSchema.nullable(),
  /** ISO 8601. */
  timestamp: z.string().nullable(),
  changes: z.array(settingChangeSchema),
});
export type SettingHistoryEntryJson = z.infer<typeof settingHistoryEntrySchema>;

export const settingHistoryResponse = z.object({ history: z.array(settingHistoryEntrySchema) });
export type SettingHistoryResponse = z.infer<typeof settingHistoryResponse>;
