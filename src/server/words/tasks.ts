/** The words of the tasks pages, Vietnamese first (merged into src/server/i18n.ts). */
const vi = {
  "nav.tasks": "Nhiệm vụ",
} as const;

const en: Record<keyof typeof vi, string> = {
  "nav.tasks": "Tasks",
};

export const taskWords = { vi, en };
