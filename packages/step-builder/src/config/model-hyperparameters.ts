import { z } from 'zod';

/**
 * Hyperparameters are the user's own map; when field lists are given they must agree:
 * label and id in the full field list, categorical and tabular fields a subset of it.
 */
export const fieldListShape = {
  full_field_list: z.array(z.string().min(1)).min(1).optional(),
  cat_field_list: z.array(z.string().min(1)).optional(),
  tab_field_list: z.array(z.string().min(1)).optional(),
  id_name: z.string().min(1).optional(),
  label_name: z.string().min(1).optional(),
  multiclass_categories: z
    .array(z.union([z.string(), z.number()]))
    .min(1)
    .optional(),
};

/** The hyperparameters without the field lists: what a model's own algorithm takes (the lists describe the data to a script). */
export function withoutFieldLists<T extends Readonly<Record<string, unknown>>>(hyperparameters: T): Partial<T> {
  return Object.fromEntries(Object.entries(hyperparameters).filter(([name]) => !Object.hasOwn(fieldListShape, name))) as Partial<T>;
}

interface FieldLists {
  full_field_list?: string[] | undefined;
  cat_field_list?: string[] | undefined;
  tab_field_list?: string[] | undefined;
  id_name?: string | undefined;
  label_name?: string | undefined;
}

export function checkFieldLists(value: FieldLists, ctx: z.RefinementCtx, suffix = ''): void {
  const full = value.full_field_list;
  const needsFull = value.cat_field_list || value.tab_field_list || value.id_name || value.label_name;
  if (!full) {
    if (needsFull) {
      ctx.addIssue({ code: 'custom', path: ['full_field_list'], message: `full_field_list must be provided when field names or lists are given${suffix}` });
    }
    return;
  }
  for (const list of ['tab_field_list', 'cat_field_list'] as const) {
    const missing = (value[list] ?? []).filter((f) => !full.includes(f));
    if (missing.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: [list],
        input: value[list],
        message: `All fields in ${list} must be in full_field_list${suffix} (not found: ${missing.join(', ')})`,
      });
    }
  }
  for (const name of ['label_name', 'id_name'] as const) {
    const v = value[name];
    if (v !== undefined && !full.includes(v)) {
      ctx.addIssue({ code: 'custom', path: [name], input: v, message: `${name} '${v}' must be in full_field_list${suffix}` });
    }
  }
}
