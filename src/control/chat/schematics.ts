// The names owners' `!build <name>` takes: the structure files in one configured folder, named with or
// without their extension. A name is only ever matched against that folder's listing, never joined to a
// path, and anything that looks like a path is refused before the folder is read.
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** The structure files `!build` knows, in the order a bare name picks between two with the same stem. */
export const SCHEMATIC_EXTENSIONS = ['.schem', '.schematic', '.nbt', '.litematic'] as const;

export type SchematicLookup = { ok: true; name: string; file: string } | { ok: false; message: string };

/** Why `name` is not a plain file name (a separator, `..`, a leading dot, a control character); undefined when it is. */
export function notPlainName(name: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (/[/\\:\u0000-\u001f]/.test(name) || name.includes('..') || name.startsWith('.')) {
    return `"${name}" is not a schematic name: a plain file name from the schematics folder, e.g. !build hut`;
  }
  return undefined;
}

function extensionOf(file: string): string | undefined {
  const ext = path.extname(file).toLowerCase();
  return (SCHEMATIC_EXTENSIONS as readonly string[]).includes(ext) ? ext : undefined;
}

function stemOf(file: string): string {
  return file.slice(0, file.length - path.extname(file).length);
}

/** The names a folder's listing offers: each structure file's name without its extension, sorted, once each. */
export function schematicNames(files: readonly string[]): string[] {
  const names = new Set(files.filter((f) => !f.startsWith('.') && extensionOf(f)).map(stemOf));
  return [...names].sort((a, b) => a.localeCompare(b));
}

/**
 * The file of a listing `name` means: the file itself (`hut.schem`), else the file whose name without its
 * extension it is (`hut`), by SCHEMATIC_EXTENSIONS' order; letter case only decides when nothing matches exactly.
 */
export function pickSchematic(files: readonly string[], name: string): string | undefined {
  const candidates = files.filter((f) => !f.startsWith('.') && extensionOf(f));
  const rank = (f: string) => (SCHEMATIC_EXTENSIONS as readonly string[]).indexOf(extensionOf(f)!);
  const byRank = (a: string, b: string) => rank(a) - rank(b);
  for (const same of [(a: string, b: string) => a === b, (a: string, b: string) => a.toLowerCase() === b.toLowerCase()]) {
    const whole = candidates.find((f) => same(f, name));
    if (whole) return whole;
    const stem = candidates.filter((f) => same(stemOf(f), name)).sort(byRank)[0];
    if (stem) return stem;
  }
  return undefined;
}

/** `schematics: bridge, farm, hut — !build <name>`, or that there are none and where they were looked for. */
export function namesLine(names: readonly string[], folder: string): string {
  return names.length ? `schematics: ${names.join(', ')} — !build <name>` : `no schematics (.schem, .schematic, .nbt, .litematic) in ${folder}`;
}

/** Lists `folder`; a folder that cannot be read is one line naming it. */
export async function listFolder(folder: string): Promise<{ ok: true; files: string[] } | { ok: false; message: string }> {
  try {
    const entries = await readdir(folder, { withFileTypes: true });
    return { ok: true, files: entries.filter((e) => e.isFile() || e.isSymbolicLink()).map((e) => e.name) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, message: `cannot read the schematics folder ${folder}: ${code === 'ENOENT' ? 'no such folder' : (err as Error).message}` };
  }
}

/**
 * What `!build <name>` builds, or the one line to answer: the names on offer (no name, or an unknown one),
 * or a refusal of a name that is not a plain file name.
 */
export async function findSchematic(folder: string, name: string): Promise<SchematicLookup> {
  const wanted = name.trim();
  const bad = wanted ? notPlainName(wanted) : undefined;
  if (bad) return { ok: false, message: bad };
  const listing = await listFolder(folder);
  if (!listing.ok) return listing;
  const names = schematicNames(listing.files);
  if (!wanted) return { ok: false, message: namesLine(names, folder) };
  const file = pickSchematic(listing.files, wanted);
  if (!file) return { ok: false, message: names.length ? `no schematic "${wanted}"; ${namesLine(names, folder)}` : namesLine(names, folder) };
  return { ok: true, name: stemOf(file), file: path.join(folder, file) };
}
