/**
 * When a unit uploads bytes the store already holds (one directive sent to many units), the one
 * stored copy is shared rather than read again: the unit gains access, and a public upload
 * publishes it. Nothing is written when nothing changes, so a repeated upload is a no-op.
 */
import { audit } from "./audit.js";
import type { Db } from "./db.js";

/** What sharing a stored file did. */
export interface Shared {
  /** The unit gained access it did not have. */
  granted: boolean;
  /** The file was private and is now public. */
  published: boolean;
}

/** Gives `unitId` access to the stored file (and publishes it when `publish`); audited when it changes anything. */
export async function shareFile(
  db: Db,
  fileId: number,
  share: { unitId: number | null; publish: boolean },
  actor: { login: string; userId: number | null },
): Promise<Shared> {
  return db.transaction(async (tx) => {
    const granted =
      share.unitId === null
        ? []
        : await tx.query(
            "INSERT INTO file_access (file_id, unit_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING file_id",
            [fileId, share.unitId],
          );
    const published = share.publish
      ? await tx.query("UPDATE files SET public = true WHERE id = $1 AND NOT public RETURNING id", [fileId])
      : [];
    const result = { granted: granted.length > 0, published: published.length > 0 };
    if (result.granted || result.published)
      await audit(tx, {
        actor: actor.login,
        userId: actor.userId,
        action: "file.shared",
        entity: "file",
        entityId: fileId,
        detail: { unit_id: share.unitId, granted: result.granted, published: result.published },
      });
    return result;
  });
}
