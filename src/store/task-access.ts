/**
 * Who may see and work a task. A task is seen by whoever may read its directive's file, and by the
 * people of a body it is assigned to (the unit whose org_key is an item's body). An item is worked
 * by its body's people; cancelling is a leader's decision (of the issuing body or of the item's);
 * 'overdue' is the scheduler's mark only.
 */
import { can, readableFiles, type Viewer } from "./access.js";
import type { Sql } from "./db.js";
import type { ItemStatus, StoredTask, TaskItem } from "./task-model.js";

/** The body the viewer's unit stands for (units.org_key), or null. */
export async function viewerOrg(sql: Sql, viewer: Viewer): Promise<string | null> {
  if (viewer.unitId === null) return null;
  const [row] = await sql.query<{ org_key: string | null }>("SELECT org_key FROM units WHERE id = $1", [
    viewer.unitId,
  ]);
  return row?.org_key ?? null;
}

/** Whether the viewer may see the task (its directive's file, or an item of the viewer's body). */
export async function canSeeTask(sql: Sql, viewer: Viewer, taskId: number): Promise<boolean> {
  const params: unknown[] = [taskId];
  const readable = readableFiles("f", viewer, params);
  let assigned = "false";
  if (viewer.unitId !== null) {
    params.push(viewer.unitId);
    assigned = `EXISTS (SELECT 1 FROM task_items i JOIN units u ON u.org_key = i.org_key
      WHERE i.task_id = t.id AND u.id = $${params.length})`;
  }
  const rows = await sql.query(
    `SELECT 1 FROM tasks t JOIN files f ON f.id = t.file_id WHERE t.id = $1 AND (${readable} OR ${assigned})`,
    params,
  );
  return rows.length > 0;
}

/** Whether the viewer may see the item (its directive's file, or it is the viewer's body's). */
export async function canSeeItem(sql: Sql, viewer: Viewer, item: TaskItem): Promise<boolean> {
  const org = await viewerOrg(sql, viewer);
  if (org !== null && item.orgKey === org) return true;
  const params: unknown[] = [item.taskId];
  const readable = readableFiles("f", viewer, params);
  const rows = await sql.query(
    `SELECT 1 FROM tasks t JOIN files f ON f.id = t.file_id WHERE t.id = $1 AND ${readable}`,
    params,
  );
  return rows.length > 0;
}

/** What the viewer may do with an item. */
export interface ItemRights {
  /** Change its status (mới, đang thực hiện, hoàn thành), add evidence, choose its handler. */
  canWork: boolean;
  /** Cancel it (hủy), or restore a cancelled one. */
  canCancel: boolean;
  /** Correct its task (sửa, tách, gộp, thêm, bỏ). */
  canCorrect: boolean;
}

/** The viewer's rights on an item of a task, given the body the viewer's unit stands for. */
export function itemRights(
  viewer: Viewer,
  org: string | null,
  item: Pick<TaskItem, "orgKey">,
  task: Pick<StoredTask, "directiveOrg" | "state">,
): ItemRights {
  const admin = viewer.role === "admin";
  const own = org !== null && item.orgKey === org;
  const leaderOf =
    viewer.role === "leader" && org !== null && (org === item.orgKey || org === task.directiveOrg);
  const live = task.state !== "superseded";
  return {
    canWork: live && can(viewer, "task.work") && (admin || own),
    canCancel: live && can(viewer, "task.cancel") && (admin || leaderOf),
    canCorrect: can(viewer, "task.correct"),
  };
}

/** Where a person may move an item from `from` (the scheduler alone marks 'overdue'). */
const byWorker: Record<ItemStatus, readonly ItemStatus[]> = {
  new: ["in_progress", "done"],
  in_progress: ["new", "done"],
  overdue: ["in_progress", "done"],
  // Reopening: a report found wanting goes back to work.
  done: ["in_progress"],
  cancelled: [],
};

/** The statuses the viewer may move an item to, in the order a page offers them. */
export function nextStatuses(from: ItemStatus, rights: ItemRights): ItemStatus[] {
  const out: ItemStatus[] = rights.canWork ? [...byWorker[from]] : [];
  if (rights.canCancel) {
    if (from === "cancelled") out.push("new");
    else if (from !== "done") out.push("cancelled");
  }
  return out;
}
