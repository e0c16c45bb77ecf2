/** The words of the reminders pages, Vietnamese first (merged into src/server/i18n.ts). */
const vi = {
  "nav.notifications": "Thông báo",
} as const;

const en: Record<keyof typeof vi, string> = {
  "nav.notifications": "Notifications",
};

export const reminderWords = { vi, en };
