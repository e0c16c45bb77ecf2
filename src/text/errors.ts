/**
 * Why a document could not be read, with a stable code the UI translates (house style: errors
 * carry stable codes). Only broken containers throw; odd text yields warnings instead.
 */

/** Stable codes of extraction failures. */
export type ExtractErrorCode = "document_unreadable" | "document_encrypted" | "document_too_large";

/** A document whose bytes cannot be turned into text: a truncated or corrupt DOCX, DOC or PDF. */
export class ExtractError extends Error {
  override readonly name = "ExtractError";

  constructor(
    /** Stable code: "document_unreadable", "document_encrypted", "document_too_large". */
    readonly code: ExtractErrorCode,
    message: string,
  ) {
    super(message);
  }
}
