import { createRequire } from 'node:module';
import type Handlebars from 'handlebars';
import { ExitCode, LecternError } from '../errors.js';
import { handlebarsRuntime } from './handlebars-runtime.js';
import { COMPILE_OPTIONS, precompiledSpec } from './precompiled.js';

const require = createRequire(import.meta.url);

/** A template's source and the file it came from (for error messages). */
export interface TemplateSource {
  file: string;
  source: string;
}

/** Every template a deck is rendered with, after overrides were applied. */
export interface TemplateSet {
  deck: TemplateSource;
  slide: TemplateSource;
  layouts: Record<string, TemplateSource>;
  partials: Record<string, TemplateSource>;
}

/** A compiled set, ready to render. */
export interface CompiledTemplates {
  deck: Handlebars.TemplateDelegate;
  slide: Handlebars.TemplateDelegate;
  layouts: Map<string, Handlebars.TemplateDelegate>;
  /** Maps a template function back to its file, for runtime errors. */
  files: Map<Handlebars.TemplateDelegate, string>;
  set: TemplateSet;
}

/**
 * Compiles every template eagerly so syntax errors surface with their file and line before anything is written.
 * Built-in templates come precompiled; the compiler is loaded only when some template (an override, an edit) is not.
 */
export function compileTemplates(set: TemplateSet): CompiledTemplates {
  const all = [set.deck, set.slide, ...Object.values(set.layouts), ...Object.values(set.partials)];
  const specs = new Map(all.map((template) => [template, precompiledSpec(template.source)]));
  const needsCompiler = [...specs.values()].some((spec) => spec === undefined);
  const handlebars = needsCompiler ? (require('handlebars') as typeof Handlebars) : handlebarsRuntime;
  const environment = handlebars.create();
  const files = new Map<Handlebars.TemplateDelegate, string>();
  const compile = (template: TemplateSource): Handlebars.TemplateDelegate => {
    const spec = specs.get(template);
    try {
      let compiled: Handlebars.TemplateDelegate;
      if (spec !== undefined) {
        compiled = environment.template(spec as TemplateSpecification);
      } else {
        // Parsing first reports syntax errors now rather than at first render.
        environment.parse(template.source);
        compiled = environment.compile(template.source, COMPILE_OPTIONS);
      }
      files.set(compiled, template.file);
      return compiled;
    } catch (error) {
      throw templateError(error, template.file);
    }
  };
  for (const [name, partial] of Object.entries(set.partials)) environment.registerPartial(name, compile(partial));
  const layouts = new Map<string, Handlebars.TemplateDelegate>();
  for (const [name, layout] of Object.entries(set.layouts)) layouts.set(name, compile(layout));
  return { deck: compile(set.deck), slide: compile(set.slide), layouts, files, set };
}

type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

/** Runs a compiled template, turning Handlebars' runtime errors (unknown partial…) into Lectern's error with the file. */
export function runTemplate(templates: CompiledTemplates, template: Handlebars.TemplateDelegate, context: unknown): string {
  try {
    return template(context, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  } catch (error) {
    const file = templates.files.get(template) ?? 'template';
    const message = error instanceof Error ? error.message : String(error);
    const partial = /partial (\S+) could not be found/i.exec(message)?.[1];
    const culprit = partial ? findPartialUse(templates.set, partial) : undefined;
    throw new LecternError(partial ? `unknown partial \`${partial}\`` : `template failed: ${message.split('\n')[0]}`, {
      exitCode: ExitCode.template,
      location: culprit ?? { file },
      hint: partial ? `known partials: ${Object.keys(templates.set.partials).sort().join(', ')}` : undefined,
    });
  }
}

function findPartialUse(set: TemplateSet, partial: string): { file: string; line: number; column: number } | undefined {
  const all = [set.deck, set.slide, ...Object.values(set.layouts), ...Object.values(set.partials)];
  const pattern = new RegExp(`\\{\\{#?>\\s*${partial.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`);
  for (const template of all) {
    const lines = template.source.split('\n');
    for (let index = 0; index < lines.length; index++) {
      const match = pattern.exec(lines[index] ?? '');
      if (match) return { file: template.file, line: index + 1, column: match.index + 1 };
    }
  }
  return undefined;
}

function templateError(error: unknown, file: string): LecternError {
  const message = error instanceof Error ? error.message : String(error);
  const line = /on line (\d+)/i.exec(message)?.[1];
  const summary = message.split('\n').filter((part) => part.trim() && !/^-*\^$/.test(part.trim()));
  const expecting = summary.find((part) => /^Expecting|^Parse error/i.test(part)) ?? summary[0] ?? message;
  return new LecternError(`template syntax error: ${expecting.replace(/^Parse error on line \d+:\s*/i, '').trim() || 'cannot parse'}`, {
    exitCode: ExitCode.template,
    location: { file, line: line ? Number(line) : undefined },
    cause: error,
  });
}
