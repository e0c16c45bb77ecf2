/** The files an import names: files as given, folders walked recursively, in a stable order. */
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";

/** A path that could not be read, with the system's reason. */
export interface Unreadable {
  path: string;
  code: string;
  reason: string;
}

/**
 * Expands paths into the files under them, sorted within each folder; hidden entries (".git",
 * ".DS_Store") are skipped inside folders.
 */
export async function expandPaths(
  paths: readonly string[],
): Promise<{ files: string[]; unreadable: Unreadable[] }> {
  const files: string[] = [];
  const unreadable: Unreadable[] = [];
  const visit = async (path: string): Promise<void> => {
    try {
      const info = await stat(path);
      if (info.isFile()) {
        files.push(path);
      } else if (info.isDirectory()) {
        const names = (await readdir(path)).filter((n) => !n.startsWith(".")).sort();
        for (const name of names) await visit(join(path, name));
      }
    } catch (error) {
      unreadable.push({ path, code: "file_unreadable", reason: (error as Error).message });
    }
  };
  for (const path of paths) await visit(path);
  return { files, unreadable };
}
