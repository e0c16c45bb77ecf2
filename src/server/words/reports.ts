/** The words of the reports pages, Vietnamese first (merged into src/server/i18n.ts). */
const vi = {
  "nav.reports": "Báo cáo",
} as const;

const en: Record<keyof typeof vi, string> = {
  "nav.reports": "Reports",
};

export const reportWords = { vi, en };
