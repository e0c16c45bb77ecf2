/**
 * The routes of the task views: my tasks (/tasks), a directive's tasks (/documents/:id/tasks), the
 * load per body (/task-load) and the dashboard (/dashboard). Reading only: plain GET pages.
 */
import type { Context, Hono } from "hono";
import type { Viewer } from "../../store/access.js";
import { dashboard, directiveChoices, directiveProgress, myItems, unitLoad } from "../../store/task-views.js";
import { todayIso } from "../../store/task-views-sql.js";
import { listUnits } from "../../store/units-users.js";
import type { AppEnv } from "../context.js";
import { dashboardPage, type FilterChoices, periodRange, readDashboardForm } from "./dashboard.js";
import { directiveTasksPage } from "./directive-tasks.js";
import type { PageContext } from "./layout.js";
import { notFoundPage } from "./layout.js";
import { MY_TASKS_PAGE, myTasksPage, readMyTasksForm } from "./my-tasks.js";
import { unitLoadPage } from "./unit-load.js";

type ContextOf = (c: Context<AppEnv>) => Promise<PageContext>;

function viewerOf(c: Context<AppEnv>): Viewer {
  const viewer = c.get("viewer");
  if (!viewer) throw new Error("page route reached without a viewer: mount pages after the session gate");
  return viewer;
}

async function choicesOf(c: Context<AppEnv>): Promise<FilterChoices> {
  const db = c.get("db");
  const units = (await listUnits(db))
    .filter((u) => u.orgKey !== null)
    .map((u) => ({ orgKey: u.orgKey as string, name: u.name }));
  return { units, directives: await directiveChoices(db, viewerOf(c)) };
}

/** The filter of the dashboard's form as the store takes it. */
function statsFilter(form: ReturnType<typeof readDashboardForm>) {
  const range = periodRange(form);
  return {
    from: range.from ?? undefined,
    to: range.to ?? undefined,
    orgKey: form.org || undefined,
    directiveKey: form.directive || undefined,
  };
}

/** Adds the task view pages; call from mountPages before its catch-all. */
export function mountTaskViewPages(app: Hono<AppEnv>, contextOf: ContextOf): void {
  app.get("/tasks", async (c) => {
    const viewer = viewerOf(c);
    const db = c.get("db");
    const form = readMyTasksForm(new URL(c.req.url).searchParams);
    const query = {
      status: form.status,
      due: form.due || undefined,
      mine: form.mine,
      limit: MY_TASKS_PAGE,
    };
    let page = await myItems(db, viewer, { ...query, offset: (form.page - 1) * MY_TASKS_PAGE });
    const pages = Math.max(1, Math.ceil(page.total / MY_TASKS_PAGE));
    if (form.page > pages) {
      form.page = pages;
      page = await myItems(db, viewer, { ...query, offset: (pages - 1) * MY_TASKS_PAGE });
    }
    const unit =
      viewer.unitId === null ? undefined : (await listUnits(db)).find((u) => u.id === viewer.unitId);
    return c.html(
      myTasksPage(await contextOf(c), {
        form,
        total: page.total,
        pages,
        items: page.items,
        hasBody: !!unit?.orgKey,
        today: todayIso(),
      }),
    );
  });

  app.get("/documents/:id{[0-9]+}/tasks", async (c) => {
    const id = Number(c.req.param("id"));
    const progress =
      Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647
        ? await directiveProgress(c.get("db"), viewerOf(c), id)
        : null;
    if (!progress) return c.html(notFoundPage(await contextOf(c)), 404);
    return c.html(directiveTasksPage(await contextOf(c), progress, todayIso()));
  });

  app.get("/task-load", async (c) => {
    const form = readDashboardForm(new URL(c.req.url).searchParams, todayIso());
    const units = await unitLoad(c.get("db"), viewerOf(c), statsFilter(form));
    return c.html(unitLoadPage(await contextOf(c), { form, choices: await choicesOf(c), units }));
  });

  app.get("/dashboard", async (c) => {
    const form = readDashboardForm(new URL(c.req.url).searchParams, todayIso());
    const data = await dashboard(c.get("db"), viewerOf(c), statsFilter(form));
    return c.html(dashboardPage(await contextOf(c), { form, choices: await choicesOf(c), data }));
  });
}
