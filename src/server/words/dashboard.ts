/** The words of the dashboard pages, Vietnamese first (merged into src/server/i18n.ts). */
const vi = {
  "nav.dashboard": "Tổng hợp",
} as const;

const en: Record<keyof typeof vi, string> = {
  "nav.dashboard": "Dashboard",
};

export const dashboardWords = { vi, en };
