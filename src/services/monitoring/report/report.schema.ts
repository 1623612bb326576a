import { z } from 'zod';
import { asOfField } from '../status/status.schema.ts';

export const REPORT_FORMATS = ['docx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Which report: its format, and the moment it is as of (default now). */
export const reportQuerySchema = z.strictObject({
  format: z.enum(REPORT_FORMATS).describe('docx (Word) or pdf'),
  asOf: asOfField,
});
