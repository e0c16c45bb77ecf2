/**
 * The task views' shapes in the API: the queries they take (validated here, so a wrong date or
 * status is a 400 naming the field) and the answers they give, for the OpenAPI document.
 */
import { z } from "@hono/zod-openapi";
import { itemStatuses } from "../../store/task-model.js";

const str = z.string();
const nullableStr = z.string().nullable();
const count = z.number().int();
const isoDate = z.iso.date().openapi({ example: "2024-12-31" });

/** A comma-separated list of statuses ("new,overdue"), as an array. */
const statusList = z
  .string()
  .max(200)
  .transform((s) =>
    s
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(itemStatuses)))
  .openapi({
    description: "comma-separated: new, in_progress, done, overdue, cancelled",
    example: "new,overdue",
  });

/** Query of GET /api/my/tasks. */
export const myTasksQuery = z.object({
  status: statusList.optional(),
  due: z.enum(["overdue", "week", "month"]).optional().openapi({
    description: "overdue: late now; week / month: open and due within 7 / 30 days",
  }),
  mine: z
    .enum(["true", "false", "1", "0"])
    .optional()
    .transform((v) => v === "true" || v === "1")
    .openapi({ description: "only the items I handle (not all of my unit's)" }),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

/** The filter of the counting views: due dates in [from, to], a body, a directive. */
export const statsQuery = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    org: z.string().trim().min(1).max(300).optional().openapi({
      description: "a body's organisations key",
      example: "state/ubnd@huyen-can-gio.ho-chi-minh",
    }),
    directive: z.string().trim().min(1).max(500).optional().openapi({
      description: "a directive's identity key",
      example: "party/tw|12-CT/TW|2022",
    }),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: "from must not be after to",
    path: ["from"],
  });

/** Item counts by shown status (an open item past its due date counts as overdue). */
export const statusCountsSchema = z
  .object({
    total: count,
    new: count,
    in_progress: count,
    done: count,
    overdue: count,
    cancelled: count,
  })
  .openapi("TaskStatusCounts");

const directiveRef = z
  .object({
    documentId: z.number().int().nullable(),
    key: nullableStr,
    symbol: nullableStr,
    type: nullableStr,
    issuer: nullableStr,
    date: nullableStr,
    subject: nullableStr,
  })
  .openapi("DirectiveRef");

const status = z.enum(itemStatuses);

/** A work item as the views list it. */
export const viewItemSchema = z
  .object({
    id: count,
    taskId: count,
    body: str,
    orgKey: nullableStr,
    unitLabel: str,
    period: str,
    due: nullableStr,
    status,
    shownStatus: status,
    late: z.boolean(),
    onTime: z.boolean(),
    handlerUserId: z.number().int().nullable(),
    handlerName: nullableStr,
    doneOn: nullableStr,
    statusChangedAt: str,
    task: z.object({
      id: count,
      action: str,
      clause: nullableStr,
      deadlineText: nullableStr,
      recurrence: nullableStr,
    }),
    directive: directiveRef,
  })
  .openapi("TaskViewItem");

/** GET /api/my/tasks. */
export const myTasksSchema = z.object({ total: count, items: z.array(viewItemSchema) }).openapi("MyTasks");

/** GET /api/documents/{id}/tasks. */
export const progressSchema = z
  .object({
    directive: directiveRef.extend({ fileId: count, recordId: str }),
    tasks: z.array(
      z.object({
        id: count,
        position: count,
        state: z.enum(["active", "superseded", "gone"]),
        clause: nullableStr,
        action: str,
        deliverable: nullableStr,
        deadline: nullableStr,
        deadlineText: nullableStr,
        recurrence: nullableStr,
        reportsTo: nullableStr,
        assignees: z.array(z.object({ unit: str, role: z.enum(["lead", "coordinate"]) })),
        items: z.array(viewItemSchema),
        counts: statusCountsSchema,
      }),
    ),
    counts: statusCountsSchema,
    percentDone: z.number().nullable(),
    onTime: count,
    overdue: count,
  })
  .openapi("DirectiveProgress");

/** One body's load. */
export const unitLoadSchema = z
  .object({
    body: str,
    orgKey: nullableStr,
    label: str,
    counts: statusCountsSchema,
    undated: statusCountsSchema.openapi({ description: "of counts, the items without a due date" }),
    open: count,
    done: count,
    doneOnTime: count,
    onTimeRate: z
      .number()
      .nullable()
      .openapi({ description: "percent of the done items with a due date done by it" }),
    overdue: count,
    nextDue: nullableStr,
  })
  .openapi("UnitLoad");

/** GET /api/dashboard. */
export const dashboardSchema = z
  .object({
    filter: z.object({
      from: nullableStr,
      to: nullableStr,
      orgKey: nullableStr,
      directiveKey: nullableStr,
    }),
    today: str,
    counts: statusCountsSchema,
    undated: statusCountsSchema.openapi({
      description: "of counts, the items without a due date live in the period: open, or closed in it",
    }),
    percentDone: z.number().nullable(),
    doneOnTime: count,
    onTimeRate: z.number().nullable(),
    directives: z.array(
      directiveRef.extend({
        counts: statusCountsSchema,
        open: count,
        percentDone: z.number().nullable(),
      }),
    ),
    units: z.array(unitLoadSchema),
    months: z.array(z.object({ month: str, due: count, done: count, doneOnTime: count, overdue: count })),
  })
  .openapi("Dashboard");
