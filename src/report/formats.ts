/** The file types a report is written as, and their media types (Office Open XML). */
export const reportMediaTypes = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

/** A report's file type. */
export type ReportFormat = keyof typeof reportMediaTypes;

/** The formats, DOCX first (the default). */
export const reportFormats = Object.keys(reportMediaTypes) as ReportFormat[];
