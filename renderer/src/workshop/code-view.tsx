import hljs from 'highlight.js/lib/core';
import typescript from 'highlight.js/lib/languages/typescript';
import { useMemo } from 'react';
import type { ChapterSource } from './chapter';
import './code-theme.css';
import { shownLines } from './source-range';

// Only the one language the app is written in: the core and TypeScript add ~25 kB, not 1 MB.
hljs.registerLanguage('typescript', typescript);

const CAPTION =
  'flex justify-between gap-4 border-b border-slate-200 bg-slate-100 px-4 py-2 font-mono text-sm text-slate-600 ' +
  'dark:border-slate-700 dark:bg-slate-800 dark:text-slate-300';
const LINE_NUMBERS =
  'select-none border-r border-slate-200 px-3 py-3 text-right font-mono text-slate-500 ' +
  'dark:border-slate-800 dark:text-slate-400';

/** The real source of a chapter, highlighted, with its repository path and line numbers. */
export function CodeView({ source, presenter }: { readonly source: ChapterSource; readonly presenter: boolean }) {
  const { first, text } = shownLines(source);
  // highlight.js escapes the text it is given, so its HTML holds only its own <span>s.
  const html = useMemo(() => hljs.highlight(text, { language: 'typescript', ignoreIllegals: true }).value, [text]);
  const count = text.split('\n').length;
  const last = first + count - 1;
  return (
    <figure
      className="code-view min-w-0 overflow-hidden rounded-xl border border-slate-200 dark:border-slate-700"
      data-testid="chapter-source"
    >
      <figcaption className={CAPTION}>
        <span className="truncate">{source.path}</span>
        <span className="shrink-0">{source.lines ? `lines ${first}–${last}` : `${count} lines`}</span>
      </figcaption>
      {/* Scrolls: focusable (tabIndex) and named, so a keyboard can scroll it and a screen reader names it. */}
      <div
        tabIndex={0}
        role="region"
        aria-label={`Source of ${source.path}`}
        className={`flex overflow-auto bg-white focus-visible:outline-2 focus-visible:outline-sky-500 dark:bg-slate-950 ${
          presenter ? 'max-h-[70vh] text-lg leading-relaxed' : 'max-h-96 text-sm leading-6'
        }`}
      >
        <pre aria-hidden className={LINE_NUMBERS}>
          {Array.from({ length: count }, (_, i) => first + i).join('\n')}
        </pre>
        <pre className="flex-1 px-4 py-3 font-mono">
          <code className="hljs language-typescript" dangerouslySetInnerHTML={{ __html: html }} />
        </pre>
      </div>
    </figure>
  );
}
