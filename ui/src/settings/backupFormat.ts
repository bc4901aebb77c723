// How a backup row reads: its time in the user's language and its size; pure, so tested.
import type { BackupView } from "../ipc/registers";
import type { LanguageCode } from "../ipc";

/** "2026-05-04 10:00" in Swedish, "04/05/2026, 10:00" style in English; the file name without a time. */
export function backupTime(backup: BackupView, language: LanguageCode): string {
  if (!backup.taken_at) {
    return backup.file_name;
  }
  const locale = language === "sv" ? "sv-SE" : "en-GB";
  return new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short" }).format(new Date(backup.taken_at));
}

/** Bytes as kB or MB with one decimal above 1 MB. */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) {
    return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  }
  return `${Math.max(1, Math.round(bytes / 1024))} kB`;
}
