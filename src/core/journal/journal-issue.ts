import { z } from 'zod';

// Validation problems reported across the boundary (to the till UI, into
// server incidents) as plain data rather than zod error objects, whose shape
// is a library detail.

export const journalIssueSchema = z.strictObject({
  /** Dotted path into the entry, e.g. `payload.amount.minor`; empty for the entry itself. */
  path: z.string(),
  message: z.string(),
});
export type JournalIssue = z.infer<typeof journalIssueSchema>;

export function journalIssuesOf(error: z.ZodError, prefix = ''): readonly JournalIssue[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.'),
    message: issue.message,
  }));
}
