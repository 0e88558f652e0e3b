/**
 * The Foundry project a command's target stands in (src/compile/project.ts), for `svm prove` and
 * `svm audit` alike: the same root search, profile, remappings and include paths, and the same
 * hint when an import is not found.
 */
import { CompileError, type ProjectLayout, projectLayout } from "../compile/index.js";
import { InputError } from "./command.js";

/** What the command line says about the project: the target, `--root` when given, `--remap`s. */
export interface LayoutRequest {
  readonly target: string;
  readonly root?: string;
  readonly remappings: readonly string[];
}

/** The import root, remappings and include paths of the project `request.target` stands in. */
export function layoutOf(request: LayoutRequest): ProjectLayout {
  try {
    // Foundry picks the profile from the environment; so does svm, to read the same layout.
    const profile = process.env["FOUNDRY_PROFILE"];
    return projectLayout(request.target, {
      ...(request.root !== undefined && { root: request.root }),
      remappings: request.remappings,
      ...(profile !== undefined && profile !== "" && { profile }),
    });
  } catch (error) {
    if (error instanceof CompileError) throw new InputError(error.message);
    throw error;
  }
}

/** An import that was not found: where it was looked for is in the message; how to look elsewhere is this. */
export function importHint(layout: ProjectLayout): string {
  const how = layout.marker === undefined ? "no foundry.toml, remappings.txt or .git above the target" : `the folder holding ${layout.marker}`;
  return `\n(the import root is ${layout.root}: ${how}; give the project's root with --root DIR, or a remapping with --remap prefix=target)`;
}
